package podium.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every process the bench starts; all are killed when the bench exits, however it exits. */
final class Children {

  private static final List<Process> ALL = new ArrayList<>();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(Children::killAll, "bench-children"));
  }

  private Children() {
  }

  /** Starts a JVM on the given classpath, logging to a file under the work directory. */
  static Process java(String mainClass, List<String> jvmOptions, List<String> args, Map<String, String> env,
      String classpath, Path log, boolean pipeStdout) throws IOException {
    return java(mainClass, jvmOptions, args, env, classpath, log, pipeStdout, null);
  }

  /** cpus: the CPUs it may run on (taskset's list, e.g. "1"), or null for any. */
  static Process java(String mainClass, List<String> jvmOptions, List<String> args, Map<String, String> env,
      String classpath, Path log, boolean pipeStdout, String cpus) throws IOException {
    List<String> command = new ArrayList<>();
    if (cpus != null) {
      command.addAll(List.of("taskset", "-c", cpus));
    }
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(args);
    return start(command, env, log, pipeStdout);
  }

  static Process start(List<String> command, Map<String, String> env, Path log, boolean pipeStdout)
      throws IOException {
    Files.createDirectories(log.getParent());
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().putAll(env);
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (!pipeStdout) {
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    Process p = pb.start();
    synchronized (ALL) {
      ALL.add(p);
    }
    return p;
  }

  /** Pins a running process, every thread of it, to the given CPUs. */
  static void pin(long pid, String cpus) {
    try {
      new ProcessBuilder("taskset", "-a", "-p", "-c", cpus, String.valueOf(pid)).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    } catch (IOException e) {
      throw new IllegalStateException("taskset is needed to pin the bench's processes: " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void kill(Process p) {
    p.destroyForcibly();
    try {
      p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static void killAll() {
    List<Process> copy;
    synchronized (ALL) {
      copy = new ArrayList<>(ALL);
      ALL.clear();
    }
    copy.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
    copy.forEach(Children::kill);
  }
}
