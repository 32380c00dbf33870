import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import { Effect, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Alias, Key, KeySpec, KeyUsage } from 'aws-cdk-lib/aws-kms';
import type { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';

/**
 * The server-side signer of decisions (issue 17 point 5, ADR 0032), created only with context
 * `serverSigner`: an asymmetric KMS key (ECC_NIST_P256 or RSA_2048, SIGN_VERIFY) whose private half never
 * leaves KMS. The documents function may `kms:Sign` with it (MessageType DIGEST) and read its public key
 * (to request the certificate from the CA); the certificate chain the CA issues is put by the operator at
 * `config/server-signer-chain.pem` (docs/deploy.md). The commendations function is only told it exists.
 */
export class DecisionSigner extends Construct {
  readonly key: Key;

  constructor(
    scope: Construct,
    id: string,
    props: {
      config: EnvConfig;
      spec: 'ECC_NIST_P256' | 'RSA_2048';
      signer: NodejsFunction;
      informed: NodejsFunction[];
    },
  ) {
    super(scope, id);
    const { config, spec } = props;
    this.key = new Key(this, 'Key', {
      description: `thidua ${config.envName}: signing key of commendation decisions (PAdES, KMS Sign DIGEST)`,
      keySpec: spec === 'RSA_2048' ? KeySpec.RSA_2048 : KeySpec.ECC_NIST_P256,
      keyUsage: KeyUsage.SIGN_VERIFY,
      // The CA-issued certificate names this key: losing it would end the deployment's signing.
      removalPolicy: RemovalPolicy.RETAIN,
      pendingWindow: Duration.days(30),
    });
    new Alias(this, 'Alias', {
      aliasName: `alias/thidua-${config.envName}-decision-signer`,
      targetKey: this.key,
    });
    props.signer.addToRolePolicy(
      new PolicyStatement({
        sid: 'DecisionSigning',
        effect: Effect.ALLOW,
        actions: ['kms:Sign', 'kms:GetPublicKey'],
        resources: [this.key.keyArn],
      }),
    );
    // The algorithm follows from the CA-issued certificate of the key (read with the chain).
    for (const fn of [props.signer, ...props.informed])
      fn.addEnvironment('SIGNER_KMS_KEY_ID', this.key.keyId);
  }
}
