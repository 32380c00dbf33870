import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * Step 2 of a digital signature on screen (ADR 0032), shared by the province's and the head's journeys:
 * the generated file uploaded as it is — unsigned — is refused in Vietnamese and nothing can be issued
 * with it. Answers the file input, for the signed file that follows.
 */
export async function unsignedIsRefused(scope: Page | Locator, generated: Uint8Array): Promise<Locator> {
  const input = scope.getByLabel('Bước 2. Chọn tệp PDF đã ký số để kiểm tra.');
  await input.setInputFiles({
    name: 'chua-ky.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(generated),
  });
  await scope.getByText('Tệp PDF không có chữ ký số').first().waitFor();
  expect(await scope.getByRole('button', { name: 'Ban hành quyết định' }).count()).toBe(0);
  return input;
}
