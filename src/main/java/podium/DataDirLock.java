package podium;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who owns an embedded data directory: the process holding a lock on "$PODIUM_DATA_DIR/pg.lock".
 * The operating system lets go of it when that process ends, even by kill -9, so a postmaster
 * serving the directory while nobody holds the lock is a stale one. Its parent cannot tell: pg_ctl
 * detaches the postmaster, so a live hub's postmaster has parent 1 too.
 */
final class DataDirLock implements AutoCloseable {

  private final FileChannel channel;
  private final FileLock lock;

  private DataDirLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  static Path file(Path dataDir) {
    return dataDir.toAbsolutePath().resolveSibling(dataDir.getFileName() + ".lock");
  }

  /** The lock, with this process's pid written in it; null when another process (or this one) holds it. */
  static DataDirLock tryTake(Path dataDir) throws IOException {
    Path file = file(dataDir);
    Files.createDirectories(file.getParent());
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
        StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException heldHere) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      return null;
    }
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
    channel.force(true);
    return new DataDirLock(channel, lock);
  }

  /** The pid the holder wrote, or "?". */
  static String holder(Path dataDir) {
    try {
      return Files.readString(file(dataDir)).strip();
    } catch (IOException e) {
      return "?";
    }
  }

  @Override
  public void close() throws IOException {
    lock.release();
    channel.close();
  }
}
