package podium.event;

import static org.assertj.core.api.Assertions.assertThat;
import static podium.event.ProjectionTest.run;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The as-run report as RFC 4180 CSV, with staff-typed text defused for spreadsheets. */
@Tag("unit")
class AsRunReportCsvTest {

  @Test
  void oneHeaderAndOneRowPerSessionEndingInCrLf() {
    String csv = AsRunCsv.write(AsRunReport.of(AsRunReportTest.ranSo(), AsRunReportTest.DAY, AsRunReportTest.ACTORS));
    String[] rows = csv.split("\r\n", -1);
    assertThat(rows).hasSize(1 + 16 + 1);
    assertThat(rows[rows.length - 1]).as("the last row ends in CRLF too").isEmpty();
    assertThat(csv.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    assertThat(rows[0]).isEqualTo("room,session,title_en,title_zh,status,planned_start,planned_end,actual_start,"
        + "actual_end,late_start_minutes,overrun_minutes,started_by,ended_by");
    assertThat(rows[1]).isEqualTo("main-hall,opening-ceremony,Opening Ceremony,开幕式,ended,2023-08-16 08:30:00,"
        + "2023-08-16 08:45:00,2023-08-16 08:35:40,2023-08-16 08:52:00,5,7,staff:li,staff:wang");
    assertThat(rows[2]).as("an early end is the number -2, not defused text")
        .endsWith(",2023-08-16 08:52:00,2023-08-16 09:03:00,7,-2,staff:wang,cue-clock");
    assertThat(rows[3]).isEqualTo("main-hall,keynote-gan-yong,Keynote Speech by Academician Gan Yong,干勇院士主旨演讲,"
        + "cancelled,2023-08-16 09:05:00,2023-08-16 09:35:00,,,,,,");
  }

  @Test
  void staffTypedTextIsQuotedAndNeverRunsAsAFormula() {
    Agenda agenda = run(AsRunReportTest.ranSo(), "09:06", "{\"type\":\"session.update\",\"session\":\"awards-ceremony\","
        + "\"title\":{\"en\":\"=HYPERLINK(\\\"http://evil.example\\\",\\\"Awards, 2023\\\")\",\"zh\":\"颁奖\\n仪式\"}}");
    String csv = AsRunCsv.write(AsRunReport.of(agenda, AsRunReportTest.DAY, Map.of(
        "opening-ceremony", new AsRunReport.Actors("+cmd|' /C calc'!A0", "@SUM(1+1)"),
        "welcome-speech", new AsRunReport.Actors("-2+3", "\tstaff"))));
    assertThat(csv).contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Awards, 2023\"\")\",\"颁奖\n仪式\",");
    assertThat(csv).contains(",'+cmd|' /C calc'!A0,'@SUM(1+1)\r\n").contains(",'-2+3,'\tstaff\r\n");
    assertThat(AsRunCsv.text("staff:li")).isEqualTo("staff:li");
    assertThat(AsRunCsv.text("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
    assertThat(AsRunCsv.text("\rX")).isEqualTo("\"'\rX\"");
    assertThat(AsRunCsv.text(null)).isEmpty();
  }
}
