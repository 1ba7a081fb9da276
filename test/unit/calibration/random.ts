import { normal, seeded } from "../../../prisma/seed/random";

export { normal, seeded };
