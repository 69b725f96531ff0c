using System.Text;
using TuiProf.Core.Files;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>
/// Reads a recording as it is written: each whole line as soon as its newline is there (a line being written is
/// waited for, not read torn), until the file ends and no process writes it any more; then says how it ended.
/// Unreadable lines are skipped and counted, as <see cref="JsonLinesReader"/> does.
/// </summary>
public sealed class RecordingFollower(string path)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How long the file may stay the same before its writers are looked for (a walk of every process's open files),
    /// and then between two looks while a writer is there but quiet (a recording without RSS, counters each second).
    /// </summary>
    private static readonly TimeSpan QuietBeforeCheck = TimeSpan.FromMilliseconds(500), QuietBetweenChecks = TimeSpan.FromSeconds(2);

    public int SkippedLines { get; private set; }

    /// <summary>
    /// Hands over the header and each event; returns how the recording ended: with its target's exit, or cut off
    /// (the recorder was killed). Cancelled: stops reading.
    /// </summary>
    public async Task<string> FollowAsync(Action<RecordingHeader> header, Action<TimelineEvent> emit, CancellationToken cancellation)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[64 * 1024];
        var pending = new MemoryStream();
        var exited = false;
        var quiet = System.Diagnostics.Stopwatch.StartNew();
        var quietFor = QuietBeforeCheck;
        while (true)
        {
            var read = await file.ReadAsync(buffer, cancellation);
            if (read > 0)
            {
                quiet.Restart();
                quietFor = QuietBeforeCheck;
                var start = 0;
                for (var i = 0; i < read; i++)
                {
                    if (buffer[i] != (byte)'\n') continue;
                    pending.Write(buffer, start, i - start);
                    exited |= Hand(Encoding.UTF8.GetString(pending.GetBuffer(), 0, (int)pending.Length), header, emit);
                    pending.SetLength(0);
                    start = i + 1;
                }
                pending.Write(buffer, start, read - start);
                continue;
            }
            if (quiet.Elapsed >= quietFor)
            {
                if (!FileWriters.Any(path))
                {
                    if (pending.Length > 0) SkippedLines++; // a last line its writer never finished
                    return exited ? "the recording ended" : "the recording stopped: nothing writes it any more (its recorder ended or was killed)";
                }
                quiet.Restart();
                quietFor = QuietBetweenChecks;
            }
            await Task.Delay(Poll, cancellation);
        }
    }

    /// <summary>One whole line; true when it is the target's exit.</summary>
    private bool Hand(string line, Action<RecordingHeader> header, Action<TimelineEvent> emit)
    {
        if (string.IsNullOrWhiteSpace(line)) return false;
        switch (JsonLinesReader.ParseLine(line))
        {
            case { Header: { } start }:
                header(start);
                return false;
            case { Event: { } e }:
                emit(e);
                return e is TargetExited;
            default:
                SkippedLines++;
                return false;
        }
    }
}
