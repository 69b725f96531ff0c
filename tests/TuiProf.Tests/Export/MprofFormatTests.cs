using TuiProf.Core.Export;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;

namespace TuiProf.Tests.Export;

public class MprofFormatTests
{
    private static readonly DateTime Origin = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc); // unix 1767225600

    [Fact]
    public void Rss_is_the_main_line_the_heap_a_child_line_and_calls_and_full_gcs_are_functions()
    {
        var recording = new RecordingFile(new RecordingHeader("baseline", 42, Origin),
        [
            new MemorySample(0.0, Rss: 10 * 1024 * 1024),
            new MemorySample(0.05, Heap: 1024 * 1024),
            new MemorySample(0.1, Rss: 34 * 1024 * 1024 + 512 * 1024),
            new MemorySample(0.12, Generations: new GenerationSizes(512 * 1024, 0, 0, 2 * 1024 * 1024, 0)), // after a GC
            new Bracket(0.08, 0.38, "1", "RandomNumberAverage", 0, 1),
            new GcEvent(0.2, 1, 0, "AllocSmall", "NonConcurrentGC", 0.5, 0.4, null, null),
            new GcEvent(0.3, 2, 2, "Induced", "NonConcurrentGC", 2.0, 1.5, null, null),
        ], 0);
        var output = new StringWriter();

        MprofFormat.Write(output, recording);

        Assert.Equal(
            """
            CMDLINE baseline
            MEM 10.000000 1767225600.0000
            MEM 34.500000 1767225600.1000
            CHLD GC-heap 1.000000 1767225600.0500
            CHLD GC-heap 2.500000 1767225600.1200
            FUNC RandomNumberAverage 10.0000 1767225600.0800 34.5000 1767225600.3800 0
            FUNC GC-gen2-Induced 34.5000 1767225600.3000 34.5000 1767225600.3020 1

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public void No_sample_of_a_process_that_has_exited_reaches_the_export()
    {
        var recording = new RecordingFile(new RecordingHeader("crash", 42, Origin),
        [
            new MemorySample(0.0, Rss: 10 * 1024 * 1024),
            new MemorySample(0.04, Rss: 0), // an exiting process's statm reads all zeros
            new TargetExited(0.05, 134),
            new MemorySample(0.08, Rss: 10 * 1024 * 1024),
            new MemorySample(0.08, Heap: 1024 * 1024),
        ], 0);
        var output = new StringWriter();

        MprofFormat.Write(output, recording);

        Assert.Equal("CMDLINE crash\nMEM 10.000000 1767225600.0000\n", output.ToString());
    }

    [Fact]
    public void Of_a_launcher_and_the_program_it_started_the_program_is_the_main_line_and_the_launcher_a_child()
    {
        var recording = new RecordingFile(new RecordingHeader("dotnet run", 42, Origin),
        [
            new MemorySample(0.0, Rss: 10 * 1024 * 1024),
            new ProcessStarted(0.1, 43, 42, "app", "dotnet app.dll", Followed: true) { Pid = 43 },
            new MemorySample(0.2, Rss: 20 * 1024 * 1024) { Pid = 43 },
            new Bracket(0.2, 0.3, "1", "Work", 0, 43) { Pid = 43 },
            new ProcessExited(0.4, 43) { Pid = 43 },
            new MemorySample(0.5, Rss: 0) { Pid = 43 },
        ], 0);
        var output = new StringWriter();

        MprofFormat.Write(output, recording);

        Assert.Equal(
            """
            CMDLINE dotnet run
            MEM 20.000000 1767225600.2000
            CHLD 42 10.000000 1767225600.0000
            FUNC Work 20.0000 1767225600.2000 20.0000 1767225600.3000 0

            """.ReplaceLineEndings("\n"), output.ToString());
    }

    [Fact]
    public void Without_rss_the_heap_is_the_main_line()
    {
        var recording = new RecordingFile(new RecordingHeader("baseline", 42, Origin),
            [new MemorySample(0.5, Heap: 2 * 1024 * 1024)], 0);
        var output = new StringWriter();

        MprofFormat.Write(output, recording);

        Assert.Equal("CMDLINE baseline\nMEM 2.000000 1767225600.5000\n", output.ToString());
    }

    [Theory]
    [InlineData("RandomNumberAverage", "RandomNumberAverage")]
    [InlineData("Checkout order 42", "Checkout_order_42")]
    [InlineData("GET /a\tb\nc", "GET_/a_b_c")]
    [InlineData("cost $^$ x", @"cost_\$^\$_x")]
    [InlineData("", "?")]
    public void Function_names_are_one_field_that_matplotlib_draws_as_written(string name, string written) =>
        Assert.Equal(written, MprofText.FunctionName(name));

    [Fact]
    public void The_command_line_stays_one_line() =>
        Assert.Equal(@"dotnet app.dll --price \$5 x", MprofText.CommandLine("dotnet app.dll --price $5\nx"));
}
