// A process that opens the database of its environment, says "open", and holds it until its
// stdin closes (then closes it cleanly) or it is killed.
import { openDatabase } from '../../db/client';

const database = await openDatabase();
process.stdout.write(`open ${process.pid}\n`);
process.stdin.resume();
process.stdin.on('end', () => {
  void database.close().then(() => process.exit(0));
});
