package org.gridaid.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a stretch of work cost the machine: the application's CPU (this JVM), PostgreSQL's CPU
 * (the server's processes, read from /proc), the SQL statements run and the rows they wrote
 * (pg_stat_statements, loaded by {@code -Pbenchmark}) and the WAL written. The figures the
 * capacity model in docs/capacity.md rests on.
 */
final class ResourceMeter {

  /** Linux's clock ticks per second, in which /proc gives CPU times. */
  private static final double TICKS_PER_SECOND = 100;

  private final JdbcClient jdbc;
  private final long postmaster;

  ResourceMeter(JdbcClient jdbc) {
    this.jdbc = jdbc;
    jdbc.sql("create extension if not exists pg_stat_statements").update();
    long backend = jdbc.sql("select pg_backend_pid()").query(Long.class).single();
    this.postmaster = parentOf(backend);
  }

  /** The counters now. */
  Reading read() {
    Statements statements = jdbc.sql("""
            select coalesce(sum(calls), 0) as calls,
                   coalesce(sum(rows) filter (where query ~* '^\\s*(insert|update|delete)'), 0) as written
            from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
              and query !~* 'pg_stat_statements|pg_current_wal_lsn|pg_backend_pid'""")
        .query((rs, row) -> new Statements(rs.getLong("calls"), rs.getLong("written"))).single();
    long wal = jdbc.sql("select pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint").query(Long.class).single();
    long applicationCpu = ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    return new Reading(System.nanoTime(), applicationCpu, databaseCpuNanos(), statements.calls(),
        statements.written(), wal);
  }

  private record Statements(long calls, long written) {}

  /** Forgets the statements counted so far: {@link #heaviest} then tells of what follows only. */
  void forgetStatements() {
    jdbc.sql("select 1 from (select pg_stat_statements_reset()) done").query(Integer.class).single();
  }

  /**
   * The {@code count} statements PostgreSQL spent most time on, running and planning them, and
   * then all statements, as rows of a Markdown table. How often a statement was planned tells a
   * statement planned at every call from one whose few plans were slow.
   */
  String heaviest(int count) {
    String thisDatabase = " where dbid = (select oid from pg_database where datname = current_database())";
    String statements = jdbc.sql("select query, calls, total_exec_time, mean_exec_time, total_plan_time, plans,"
            + " rows from pg_stat_statements" + thisDatabase
            + " order by total_exec_time + total_plan_time desc limit :count")
        .param("count", count)
        .query((rs, row) -> String.format(Locale.ROOT, "| `%s` | %d | %.0f | %.2f | %.0f | %d | %d |%n",
            abbreviated(rs.getString("query")), rs.getLong("calls"), rs.getDouble("total_exec_time"),
            rs.getDouble("mean_exec_time"), rs.getDouble("total_plan_time"), rs.getLong("plans"),
            rs.getLong("rows")))
        .list().stream().reduce("", String::concat);
    String all = jdbc.sql("select sum(calls) as calls, sum(total_exec_time) as running,"
            + " sum(total_plan_time) as planning, sum(plans) as plans, sum(rows) as rows from pg_stat_statements"
            + thisDatabase)
        .query((rs, row) -> String.format(Locale.ROOT, "| all statements | %d | %.0f | | %.0f | %d | %d |%n",
            rs.getLong("calls"), rs.getDouble("running"), rs.getDouble("planning"), rs.getLong("plans"),
            rs.getLong("rows")))
        .single();
    return "| statement | calls | total ms | mean ms | planning ms | plans | rows |\n|---|---|---|---|---|---|---|\n"
        + statements + all;
  }

  private static String abbreviated(String query) {
    String oneLine = query.replaceAll("\\s+", " ").replace("|", "\\|").replace("`", "'");
    return oneLine.length() > 160 ? oneLine.substring(0, 160) + " ..." : oneLine;
  }

  /** Counters at one moment; {@link #to} gives the cost of what happened between two. */
  record Reading(long nanos, long applicationCpuNanos, long databaseCpuNanos, long statements, long rowsWritten,
      long walBytes) {

    Cost to(Reading later) {
      return new Cost((later.nanos - nanos) / 1e9, (later.applicationCpuNanos - applicationCpuNanos) / 1e6,
          (later.databaseCpuNanos - databaseCpuNanos) / 1e6, later.statements - statements,
          later.rowsWritten - rowsWritten, later.walBytes - walBytes);
    }
  }

  /** Totals over a stretch of work: seconds of wall time, CPU in ms, counts. */
  record Cost(double seconds, double applicationCpuMillis, double databaseCpuMillis, long statements,
      long rowsWritten, long walBytes) {

    /** A row of a Markdown table: the figures per unit of {@code units}. */
    String perUnit(String what, long units) {
      return String.format(Locale.ROOT, "| %s | %d | %.1f | %.1f | %.1f | %.0f | %.0f | %.1f |%n", what, units,
          seconds, applicationCpuMillis / units, databaseCpuMillis / units, (double) statements / units,
          (double) rowsWritten / units, walBytes / 1024.0 / units);
    }

    static String header(String unit) {
      return "| " + unit + " | count | wall s | app CPU ms each | PostgreSQL CPU ms each | statements each"
          + " | rows written each | WAL KiB each |\n|---|---|---|---|---|---|---|---|\n";
    }
  }

  /** User and system CPU of the PostgreSQL server's processes (the postmaster and its children). */
  private long databaseCpuNanos() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      long ticks = processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToLong(p -> {
            String[] stat = stat(p);
            if (stat == null) {
              return 0;
            }
            long pid = Long.parseLong(p.getFileName().toString());
            if (pid != postmaster && Long.parseLong(stat[1]) != postmaster) {
              return 0;
            }
            // utime, stime, and for the postmaster its children that have exited
            return Long.parseLong(stat[11]) + Long.parseLong(stat[12])
                + (pid == postmaster ? Long.parseLong(stat[13]) + Long.parseLong(stat[14]) : 0);
          }).sum();
      return (long) (ticks / TICKS_PER_SECOND * 1e9);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long parentOf(long pid) {
    String[] stat = stat(Path.of("/proc", String.valueOf(pid)));
    if (stat == null) {
      throw new IllegalStateException("PostgreSQL's backend " + pid + " is not a process here");
    }
    return Long.parseLong(stat[1]);
  }

  /** /proc/pid/stat after the command's name: field 4 (ppid) is [1], utime [11], stime [12]. */
  private static String[] stat(Path process) {
    try {
      String line = Files.readString(process.resolve("stat"));
      return line.substring(line.lastIndexOf(')') + 2).split(" ");
    } catch (IOException e) {
      // the process ended meanwhile
      return null;
    }
  }
}
