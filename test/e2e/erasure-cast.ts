/** The erasure journey's people (erasure.spec.ts and the organisation it seeds, erasure-organisation.ts). */
export const CAST = {
  password: "rungs-erasure-2026",
  admin: { name: "Ada Ostrowski", email: "ada.ostrowski@example.com" },
  manager: { name: "Mara Keystone", email: "mara.keystone@example.com" },
  leaver: { name: "Wendel Quillfeather", email: "wendel.quillfeather@example.com" },
  peer: { name: "Pim Lantern", email: "pim.lantern@example.com" },
  sponsor: { name: "Sela Northcote", email: "sela.northcote@example.com" },
};

/** A marker planted in one of the leaver's texts, or a text about him. */
export const MARK = (what: string) => `QUILLMARK-${what}`;
