/** The `kafka-k8s` command: argument parsing and dispatch. */
export async function runCli(_argv: string[]): Promise<number> {
  return 0;
}
