// One implementation for the test peers and practice mode's servers.
export { LOOPBACK, listenOnLoopback, trackSockets } from '../../lib/practice/loopback';
