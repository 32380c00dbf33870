import { ensureDynamoLocal, findJava } from './dynamodb-local';
import { PlatformError } from './errors';

/**
 * `npm test`'s preparation step: Java is there and new enough, and the pinned DynamoDB Local is in the
 * cache (downloaded and verified once), so no test's timeout pays for the download.
 */
try {
  findJava();
  const install = await ensureDynamoLocal();
  console.log(`DynamoDB Local ${install.version} ready in ${install.dir}`);
} catch (error) {
  console.error(error instanceof PlatformError ? error.message : error);
  process.exit(1);
}
