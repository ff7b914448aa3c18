/**
 * An order a sales rep placed while acting as the buyer carries the rep in the BigCommerce order's `staff_notes`
 * (merchant-side, not shown to shoppers by BigCommerce), in one line both the post-back (into the ERP order's memo)
 * and the buyer's order history ("placed for you by …") read back. The rep's id and the impersonation id tie the
 * order to the audit trail.
 */
export interface RepAttribution {
  repId: string;
  name: string;
  email: string;
  actingId: string;
}

const LINE = /^Placed by sales rep (.+) <([^>]+)> \(rep ([^,]+), impersonation ([^)]+)\) for the buyer$/m;

export function repAttributionNote(rep: RepAttribution): string {
  const name = rep.name.replace(/[<>\n]/g, ' ').trim();
  return `Placed by sales rep ${name} <${rep.email}> (rep ${rep.repId}, impersonation ${rep.actingId}) for the buyer`;
}

export function repAttributionOf(staffNotes: string | null | undefined): RepAttribution | null {
  const match = LINE.exec(staffNotes ?? '');
  if (!match) return null;
  const [, name = '', email = '', repId = '', actingId = ''] = match;
  return { name, email, repId, actingId };
}
