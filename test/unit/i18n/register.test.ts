// Each language addresses the reader as the product chose (docs/i18n.md, "Register"): German Sie,
// French vous, Spanish usted. The known forms of the other register fail here, wherever a message
// says them: the pronouns and possessives, and the imperatives a message or sentence starts with.
import { describe, expect, test } from "vitest";
import { offenders } from "./texts";

// Letters on either side end a word (\b does not know accented letters).
const word = (alternatives: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "u");
const wordAnyCase = (alternatives: string) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, "iu");
// Where a reader starts: the message or an option of it, or after . : ; ! ? (and Spanish ¿ ¡).
const atStart = (alternatives: string, after = "") =>
  new RegExp(`(?:^|[.:;!?¿¡]\\s*)(?:${alternatives})(?![\\p{L}\\p{N}])${after}`, "u");

describe("German says Sie", () => {
  test("no du, dich, dir, dein…, ihr-plural forms", () => {
    expect(
      offenders(
        "de",
        wordAnyCase(
          "du|dich|dir|dein|deine|deinen|deinem|deiner|deines|euch|euer|eure|euren|eurem|eurer",
        ),
      ),
    ).toEqual([]);
  });
  test("no verb in the du form", () => {
    expect(
      offenders(
        "de",
        word(
          "hast|kannst|bist|wirst|willst|musst|sollst|darfst|siehst|gibst|weißt|brauchst|möchtest|bekommst|findest|wählst|schreibst|machst",
        ),
      ),
    ).toEqual([]);
  });
  test("no du imperative where a message or sentence starts", () => {
    const imperatives =
      "Wähle|Wähl|Gib|Schreib|Schreibe|Trag|Trage|Lade|Klick|Klicke|Öffne|Füge|Nenne|Prüfe|Sieh|Beschreibe|Erkläre|Bewerte|Speichere|Sende|Lege|Setze|Entferne|Melde|Mach|Mache|Nimm|Lass|Lies|Kopiere|Antworte|Sag|Sage|Starte|Beginne|Verschiebe|Ändere|Nutze|Begründe|Markiere|Bestätige|Deaktiviere|Hebe|Beende|Geh|Gehe|Hol|Hole|Denk|Denke|Zieh|Ziehe|Warte|Versuch|Teile|Plane";
    expect(offenders("de", atStart(imperatives, "(?! Sie(?![\\p{L}]))"))).toEqual([]);
  });
});

describe("German's inclusive forms", () => {
  // Neutral nouns first (Person, Mitarbeitende, Kandidatur), else both forms: no gender colon,
  // star, underscore, slash or capital I (docs/i18n.md, "Register").
  test("no Mentor:in, Kandidat*innen, Kandidat·in, Interviewer/in, Ehemalige/r, KandidatInnen", () => {
    expect(
      offenders("de", /\p{L}(?:[:*_·]|\/-?)(?:in|innen|r)(?![\p{L}])|\p{Ll}Innen(?![\p{L}])/u),
    ).toEqual([]);
  });
  // A mentor is a role noun with no neutral one in use: both forms, as a sponsor's Förderin oder
  // Förderer (eine Mentorin oder ein Mentor, Mentorinnen und Mentoren), never Mentor alone.
  test("no Mentor or Mentoren without Mentorin beside it", () => {
    expect(
      offenders(
        "de",
        /(?<!Mentorin(?:nen)? (?:oder|und|bzw\.) (?:\p{L}+ ){0,4})(?<![\p{L}-])Mentor(?:en|s)?(?![\p{L}])/u,
      ),
    ).toEqual([]);
  });
  // Mentee has no feminine form: it stands without an article (als Mentee, Mentees, Mentee:), and
  // where a sentence needs one it is die mentorierte Person, as a sponsee is die geförderte Person.
  test("no der, den, des, einen or Ihr Mentee", () => {
    expect(
      offenders(
        "de",
        /(?<![\p{L}])(?:(?:der|den|dem|die|ein|einen|einem|jeder|jeden|jedem|diese|diesen|diesem|Ihr|Ihre|Ihren|Ihrem|vom|zum|beim|kein|keinen|keinem) Mentee|(?:des|eines|dieses|jedes|Ihres) Mentees)(?![\p{L}])/iu,
      ),
    ).toEqual([]);
  });
});

describe("French's inclusive forms", () => {
  // The guide's own example: a mentee is mentoré·e or une personne mentorée, never a bare mentoré.
  test("no mentoré or mentorés without the median dot", () => {
    expect(offenders("fr", /(?<![\p{L}·])mentorés?(?![\p{L}\p{N}·])/iu)).toEqual([]);
  });
  test("the median dot, never a feminine ending in brackets (calibré(e))", () => {
    expect(offenders("fr", /\p{L}\((?:e|es|le|ne|euse|rice)\)/u)).toEqual([]);
  });
});

describe("Spanish says usted", () => {
  test("no tú, te, ti, tu, tus, contigo, tuyo…", () => {
    expect(offenders("es", wordAnyCase("tú|tu|tus|ti|te|contigo|tuyo|tuya|tuyos|tuyas"))).toEqual(
      [],
    );
  });
  test("no verb in the tú form", () => {
    expect(
      offenders(
        "es",
        wordAnyCase(
          "puedes|tienes|quieres|estás|eres|debes|podrás|sabes|necesitas|recibes|lees|ves|escribiste|hiciste|mostraste|puntuaste|publicaste|elegiste|votas|patrocinas|abogas|abogarás|discrepas|verás|recibirás|vuelves|has hecho|déjalo|déjala|ábrela|ábrelo|léela|léelo|míralo|desactívala|levántala",
        ),
      ),
    ).toEqual([]);
  });
  test("no tú imperative where a message or sentence starts", () => {
    const imperatives =
      "Elige|Escoge|Escribe|Indica|Descarga|Da|Dale|Di|Valora|Vuelve a|Marca|Revisa|Añade|Abre|Pide|Usa|Haz|Pon|Mira|Selecciona|Introduce|Comprueba|Guarda|Envía|Copia|Pega|Confirma|Consulta|Explica|Sube|Quita|Retira|Cierra|Inicia|Termina uno|Nombra|Registra|Autoriza|Fija|Muestra tu|Lee";
    expect(offenders("es", atStart(imperatives, "(?=\\s)"))).toEqual([]);
  });
});

describe("French says vous", () => {
  test("no tu, toi, te, t’, ton, ta, tes, tien…", () => {
    expect(offenders("fr", wordAnyCase("tu|toi|te|ton|ta|tes|tien|tienne|tiens|tiennes"))).toEqual(
      [],
    );
    expect(offenders("fr", /(?<![\p{L}])[tT][’'](?=\p{L})/u)).toEqual([]);
  });
});
