using System.Diagnostics;
using TuiProf.Core.Recording;
using TuiProf.Core.Timeline;
using TuiProf.Tests.CommandLine;

namespace TuiProf.Tests.Recording;

/// <summary>A recording read while another process writes it: whole lines as they come, and how it ended.</summary>
public class RecordingFollowerTests
{
    private const string Header = """{"type":"start","target":"leak","pid":42,"origin":"2026-12-07T08:00:00.0000000Z"}""";
    private const string Sample = """{"type":"sample","t":0.5,"rss":1000}""";
    private const string Gc = """{"type":"gc","t":1.25,"n":1,"gen":2,"reason":"Induced","kind":"NonConcurrentGC","durationMs":1,"pauseMs":1}""";

    [Fact(Timeout = 30_000)]
    public async Task Each_line_is_handed_over_whole_as_its_writer_finishes_it_and_a_killed_writer_ends_the_follow_saying_so()
    {
        var file = TuiProfCli.TempFile("followed.jsonl");
        File.WriteAllText(file, "");
        // Another process writes the file: cat appends what the test gives it, as a recorder appends its events.
        using var writer = Process.Start(new ProcessStartInfo("sh", ["-c", "exec 3>>\"$1\"; exec cat >&3", "sh", file])
            { RedirectStandardInput = true })!;
        var header = new TaskCompletionSource<RecordingHeader>();
        var events = new List<TimelineEvent>();
        var gcSeen = new TaskCompletionSource();
        var follower = new RecordingFollower(file);
        var following = follower.FollowAsync(h => header.TrySetResult(h), e =>
        {
            lock (events) events.Add(e);
            if (e is GcEvent) gcSeen.TrySetResult();
        }, CancellationToken.None);

        await Write(writer, Header + "\n");
        Assert.Equal(42, (await header.Task.WaitAsync(TimeSpan.FromSeconds(10))).Pid);
        await Write(writer, Sample + "\n" + Gc[..40]); // the GC line torn: its writer is in the middle of it
        await WaitForLengthAsync(file, Header.Length + Sample.Length + 2 + 40);
        await Write(writer, Gc[40..] + "\n");
        await gcSeen.Task.WaitAsync(TimeSpan.FromSeconds(10));
        writer.Kill();

        var ended = await following.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.StartsWith("the recording stopped: nothing writes it any more", ended);
        lock (events) Assert.Equal([typeof(MemorySample), typeof(GcEvent)], events.Select(e => e.GetType()));
        Assert.Equal(0, follower.SkippedLines);
    }

    [Fact(Timeout = 30_000)]
    public async Task A_finished_recording_is_read_whole_its_torn_last_line_skipped_and_its_end_said()
    {
        var file = TuiProfCli.TempFile("finished.jsonl");
        File.WriteAllText(file, Header + "\n" + Sample + "\n" + """{"type":"exit","t":2,"code":0}""" + "\n" + Gc[..30]);
        var events = new List<TimelineEvent>();
        var follower = new RecordingFollower(file);

        var ended = await follower.FollowAsync(_ => { }, events.Add, CancellationToken.None);

        Assert.Equal("the recording ended", ended);
        Assert.Equal([typeof(MemorySample), typeof(TargetExited)], events.Select(e => e.GetType()));
        Assert.Equal(1, follower.SkippedLines);
    }

    private static async Task Write(Process writer, string text)
    {
        await writer.StandardInput.WriteAsync(text);
        await writer.StandardInput.FlushAsync();
    }

    /// <summary>What cat has passed on is on disk once the file is that long.</summary>
    private static async Task WaitForLengthAsync(string file, long length)
    {
        while (new FileInfo(file).Length < length) await Task.Delay(10);
    }
}
