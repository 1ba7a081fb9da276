import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import nodemailer from "nodemailer";
import { SMTPServer } from "smtp-server";

export type Received = { raw: string; mail: ParsedMail; to: string[] };
/** What the server answers at RCPT TO for an address: null to accept it, or an SMTP code and text. */
export type Answer = (address: string) => { code: number; text: string } | null;

/**
 * A real SMTP server on a loopback port that keeps what it receives, parsed with mailparser.
 * STARTTLS and AUTH are off: with STARTTLS advertised, nodemailer upgrades and refuses the
 * self-signed certificate.
 */
export async function startSmtpSink() {
  const received: Received[] = [];
  let answer: Answer = () => null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = answer(address.address);
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.text), { responseCode: refusal.code });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        simpleParser(raw)
          .then((mail) => {
            received.push({ raw, mail, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) });
            callback();
          })
          .catch(callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    /** Answers each RCPT TO with `next` from now on. */
    answerWith(next: Answer) {
      answer = next;
    },
    transport: () =>
      nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true }),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
