package podium.event;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The as-run report as CSV (RFC 4180: CRLF line ends, a header row, a field quoted when it holds a
 * comma, a quote or a line break, quotes doubled). Times are venue-local. Text that a spreadsheet
 * would run as a formula (it starts with = + - @, a tab or a carriage return) gets a leading
 * apostrophe, so a title or a name typed by staff can never run in whoever opens the file;
 * minutes are numbers and are written as they are (an early end is -3, not text).
 */
public final class AsRunCsv {

  static final List<String> HEADER = List.of("room", "session", "title_en", "title_zh", "status", "planned_start",
      "planned_end", "actual_start", "actual_end", "late_start_minutes", "overrun_minutes", "started_by", "ended_by");
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

  private AsRunCsv() {
  }

  public static String write(AsRunReport report) {
    StringBuilder csv = new StringBuilder(row(HEADER.stream().map(AsRunCsv::text)));
    report.rooms().forEach((room, lines) -> lines.forEach(l -> csv.append(row(Stream.of(text(room),
        text(l.session()), text(l.title().en()), text(l.title().zh()), text(Spelling.of(l.status())),
        time(report, l.plannedStart()), time(report, l.plannedEnd()), time(report, l.actualStart()),
        time(report, l.actualEnd()), number(l.lateStartMinutes()), number(l.overrunMinutes()), text(l.startedBy()),
        text(l.endedBy()))))));
    return csv.toString();
  }

  private static String row(Stream<String> cells) {
    return cells.collect(Collectors.joining(",", "", "\r\n"));
  }

  /** A text cell: defused if a spreadsheet would take it for a formula, then quoted if it must be. */
  static String text(String value) {
    if (value == null || value.isEmpty()) {
      return "";
    }
    String cell = "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    return cell.contains(",") || cell.contains("\"") || cell.contains("\r") || cell.contains("\n")
        ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
  }

  private static String number(Integer value) {
    return value == null ? "" : value.toString();
  }

  private static String time(AsRunReport report, Instant at) {
    return at == null ? "" : LOCAL.format(at.atZone(report.zone()));
  }
}
