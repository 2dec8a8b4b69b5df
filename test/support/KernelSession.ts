// A real kernel driven through test/support/kernel_driver.py (Debian's jupyter_client): run cells,
// get every iopub message with its arrival time. Used by the kernel and browser tests.
import { spawn } from 'node:child_process';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { PYTHON } from './jupyterEnv';

/** One iopub message of an execution, with its arrival time at the client (ms since epoch). */
export interface IopubMessage {
  msgType: string;
  content: Record<string, unknown>;
  /** When the client received it, in milliseconds since the epoch. */
  t: number;
}

/** Everything an execution produced. */
export interface Execution {
  messages: IopubMessage[];
  /** The execute_reply content (`status`: 'ok', 'error' or 'abort'). */
  reply: { status: string; [key: string]: unknown };
  /** When the request was sent and when the reply arrived (ms since epoch). */
  sentAt: number;
  doneAt: number;
  /** When the driver sent the interrupt, if asked to. */
  interruptedAt?: number;
}

interface DriverEvent {
  event: string;
  id?: string;
  t: number;
  msg_type?: string;
  content?: Record<string, unknown>;
  reply?: { status: string };
}

/** A running kernel. `start` waits until it answers; always `shutdown` it. */
export class KernelSession {
  private readonly waiting = new Map<string, (e: DriverEvent) => void>();
  private ready!: Promise<void>;
  private counter = 0;
  private stderr = '';

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {}

  /** Starts `kernel` (default 'tslab') with its working directory `cwd`, under `env`. */
  static async start(options: {
    env: NodeJS.ProcessEnv;
    cwd: string;
    kernel?: string;
  }): Promise<KernelSession> {
    const child = spawn(
      PYTHON,
      [
        join(__dirname, 'kernel_driver.py'),
        '--kernel',
        options.kernel ?? 'tslab',
        '--cwd',
        options.cwd,
      ],
      { env: options.env, stdio: ['pipe', 'pipe', 'pipe'] },
    );
    const session = new KernelSession(child);
    child.stderr.on('data', (chunk: Buffer) => {
      session.stderr += chunk.toString();
    });
    session.ready = new Promise((resolve, reject) => {
      session.waiting.set('ready', () => resolve());
      child.on('exit', (code) =>
        reject(new Error(`kernel driver exited (${code}): ${session.stderr}`)),
      );
    });
    const lines = createInterface({ input: child.stdout });
    lines.on('line', (line) => session.onLine(line));
    await session.ready;
    return session;
  }

  private current: { id: string; messages: IopubMessage[]; interruptedAt?: number } | null = null;

  private onLine(line: string): void {
    const e = JSON.parse(line) as DriverEvent;
    if (e.event === 'ready') {
      this.waiting.get('ready')?.(e);
      return;
    }
    if (e.event === 'iopub' && this.current !== null && e.id === this.current.id) {
      this.current.messages.push({
        msgType: e.msg_type as string,
        content: e.content ?? {},
        t: e.t * 1000,
      });
      return;
    }
    if (e.event === 'interrupted' && this.current !== null) {
      this.current.interruptedAt = e.t * 1000;
      return;
    }
    if (e.id !== undefined) {
      this.waiting.get(e.id)?.(e);
    }
  }

  /**
   * Runs one cell. `interruptAfterMs` sends SIGINT (Jupyter's interrupt) that long after the
   * request; `timeoutMs` bounds the wait (default 60 s); `lateMs` keeps collecting the cell's
   * messages that long after its idle status and reply (Deno's kernel sends some after them).
   */
  execute(
    code: string,
    options?: { interruptAfterMs?: number; timeoutMs?: number; lateMs?: number },
  ): Promise<Execution> {
    if (this.current !== null) {
      throw new Error('KernelSession.execute: one execution at a time');
    }
    const id = `cell-${++this.counter}`;
    const current: { id: string; messages: IopubMessage[]; interruptedAt?: number } = {
      id,
      messages: [],
    };
    this.current = current;
    const sentAt = Date.now();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (e) => {
        this.waiting.delete(id);
        this.current = null;
        if (e.event !== 'done') {
          reject(new Error(`cell ${id} timed out; stderr: ${this.stderr}`));
          return;
        }
        resolve({
          messages: current.messages,
          reply: e.reply ?? { status: 'unknown' },
          sentAt,
          doneAt: e.t * 1000,
          interruptedAt: current.interruptedAt,
        });
      });
      this.child.stdin.write(
        `${JSON.stringify({
          op: 'execute',
          id,
          code,
          timeout: (options?.timeoutMs ?? 60_000) / 1000,
          interrupt_after:
            options?.interruptAfterMs === undefined ? undefined : options.interruptAfterMs / 1000,
          late: options?.lateMs === undefined ? undefined : options.lateMs / 1000,
        })}\n`,
      );
    });
  }

  /** The text a cell wrote to stdout and stderr. */
  static streamText(execution: Execution, name?: 'stdout' | 'stderr'): string {
    return execution.messages
      .filter((m) => m.msgType === 'stream' && (name === undefined || m.content.name === name))
      .map((m) => m.content.text as string)
      .join('');
  }

  /** Stops the kernel and the driver. */
  async shutdown(): Promise<void> {
    if (this.child.exitCode !== null) {
      return;
    }
    const exited = new Promise<void>((resolve) => this.child.on('exit', () => resolve()));
    this.child.stdin.write(`${JSON.stringify({ op: 'shutdown' })}\n`);
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
