import { categoryCounts } from '../../../shared/round/lookup';
import { openBundle, verifyDocuments } from '../../core/bundle/read-bundle';
import { resolveIssuer } from '../keys';
import { formatBytes } from '../../../shared/format';
import type { CommandContext } from '../context';

export async function inspect(context: CommandContext): Promise<number> {
  const file = context.requirePositional('X.rdbundle');
  const expectedIssuer = await resolveIssuer(context.option('issuer'));
  const bundle = await openBundle(file, expectedIssuer !== undefined ? { expectedIssuer } : {});
  try {
    await verifyDocuments(bundle);
    const { payload } = bundle;
    const bytes = bundle.documents.reduce((sum, document) => sum + document.size, 0);
    context.report(
      {
        ok: true,
        file,
        roundId: payload.round.id,
        title: payload.round.title,
        bundleId: payload.bundleId,
        bundleVersion: payload.bundleVersion,
        issuedAt: payload.issuedAt,
        issuer: { name: payload.issuer.name, publicKey: payload.issuer.publicKey, fingerprint: bundle.issuerFingerprint },
        issuerPinned: expectedIssuer !== undefined,
        manifestSha256: bundle.manifestSha256,
        rubrics: payload.rubrics.length,
        categories: categoryCounts(payload),
        applicants: payload.applicants.length,
        experts: payload.experts.length,
        files: bundle.documents.length,
        bytes,
      },
      [
        `${file}: signature valid, ${bundle.documents.length} documents verified (${formatBytes(bytes)})`,
        `  round     ${payload.round.id}  ${payload.round.title}`,
        `  bundle    ${payload.bundleId} version ${payload.bundleVersion}, issued ${payload.issuedAt}`,
        `  issuer    ${payload.issuer.name}  ${bundle.issuerFingerprint}${expectedIssuer !== undefined ? ' (matches --issuer)' : ' (not pinned: compare with the fingerprint the secretariat gave you)'}`,
        ...payload.categories.map(
          (category) => `  category  ${category.id}  ${category.title}: ${payload.applicants.filter((applicant) => applicant.category === category.id).length} applicants`,
        ),
        `  experts   ${payload.experts.map((expert) => `${expert.id} ${expert.name}`).join(', ')}`,
      ],
    );
    return 0;
  } finally {
    bundle.close();
  }
}
