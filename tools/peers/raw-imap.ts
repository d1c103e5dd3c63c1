import net from 'node:net';
import tls from 'node:tls';

// Test support: talk IMAP to a peer by hand, line by line, to see exactly what it answers.

// A reply is complete with its tagged line, a continuation request, or (first) the greeting.
const COMPLETE = /(^|\r\n)([A-Za-z0-9]+ (OK|NO|BAD)|\+ |\* (OK|BYE))[^\r\n]*\r\n$/;

/**
 * Sends `lines` over TLS to the peer on loopback `port`, each once the previous reply is
 * complete, from `localAddress` (another loopback address stands for another client). Resolves
 * with the replies, the greeting first.
 */
export async function rawImap(port: number, lines: string[], localAddress = '127.0.0.1'): Promise<string[]> {
  return new Promise((resolve, reject) => {
    // tls.connect's typings leave out localAddress: the TCP socket is made first, bound to it.
    const tcp = net.connect({ host: '127.0.0.1', port, localAddress });
    const socket = tls.connect({ socket: tcp, servername: 'localhost' });
    const replies: string[] = [];
    let text = '';
    const queue = [...lines];
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      text += chunk;
      if (!COMPLETE.test(text)) return;
      replies.push(text);
      text = '';
      const next = queue.shift();
      if (next === undefined) {
        socket.destroy();
        resolve(replies);
      } else {
        socket.write(next);
      }
    });
    socket.on('error', reject);
  });
}
