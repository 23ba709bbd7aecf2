/**
 * `pygen <command> --help`: cac prints the usage, options and examples; this adds what the command does (its
 * description and, where one line is not enough, a few more), and drops the blank cac leaves after options without
 * a default.
 */
import type { CAC, Command } from "cac";

/** The longer explanation of each command, printed under its one-line description. */
const DETAILS = new WeakMap<Command, string>();

/** Registers `details` as the longer explanation `--help` prints for `command`; returns the command to chain on. */
export function explained(command: Command, details: string): Command {
  DETAILS.set(command, details);
  return command;
}

type HelpSection = { title?: string; body: string };

/** cac's help callback: the command's name, description and details first, then cac's own sections. */
export function commandHelp(cli: CAC): (sections: HelpSection[]) => HelpSection[] {
  return (sections) => {
    const tidy = sections.map((section) => ({ ...section, body: section.body.replace(/ +$/gm, "") }));
    const command = cli.matchedCommand;
    if (!command || command.name === "") return tidy;
    const details = DETAILS.get(command);
    const about = { body: `pygen ${command.name}: ${command.description}${details ? `\n\n${details}` : ""}` };
    const [, usage, ...rest] = tidy;
    return [about, ...(usage ? [{ ...usage, body: `${usage.body} [options]` }] : []), ...rest];
  };
}
