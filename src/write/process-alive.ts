/** Whether a process with this id runs (one of another user's counts): a folder named after it may still be in use. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The process a folder named `PREFIX<pid>` is named after (`dist.trash-4242` with `dist.trash-`); undefined for any other name. */
export function ownerOf(name: string, prefix: string): number | undefined {
  if (!name.startsWith(prefix)) return undefined;
  const pid = Number(name.slice(prefix.length));
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}
