using System.Text;
using TuiProf.Core.Timeline;

namespace TuiProf.Core.Recording;

/// <summary>
/// An event as a recording holds it: times to 0.1 ms and GC durations to 1 µs, text as valid Unicode, and a
/// <c>pid</c> only on events of another process than the recording's own (a process's start or end names its
/// process). JSON Lines is written through it, and a format written straight from the events (<c>record --format</c>)
/// keeps them through it, so both hold the same numbers and text, and export alike.
/// </summary>
public static class RecordedForm
{
    /// <summary>
    /// About 11.6 days, more than a recording holds (<c>--duration</c> stops at 7 days); as a GC's milliseconds, 17
    /// minutes. The exports have a row a second for a recording's span: 1e308 made CSV build rows without end.
    /// </summary>
    public const double MaxSeconds = 1e6;

    /// <summary>The event as recorded; null for an open bracket, which is recorded when it closes, as a bracket.</summary>
    /// <param name="targetPid">The recording's own process, as its header names it (null before the header).</param>
    public static TimelineEvent? Of(TimelineEvent e, int? targetPid) => e.Accept(Recorded.Instance) is { } recorded
        ? recorded with
        {
            Pid = e switch
            {
                ProcessStarted p => p.ProcessId,
                ProcessExited p => p.ProcessId,
                _ => e.Pid != targetPid ? e.Pid : null,
            },
        }
        : null;

    /// <summary>Each kind as recorded, its pid aside.</summary>
    private sealed class Recorded : ITimelineEventVisitor<TimelineEvent?>
    {
        public static readonly Recorded Instance = new();

        public TimelineEvent? Visit(BracketStarted started) => null;
        public TimelineEvent? Visit(MemorySample s) => s with { T = Time(s.T) };
        public TimelineEvent? Visit(TargetExited x) => x with { T = Time(x.T) };
        public TimelineEvent? Visit(ProcessExited p) => p with { T = Time(p.T) };
        public TimelineEvent? Visit(Bracket b) => b with { T = Time(b.T), End = Time(b.End), Id = Text(b.Id), Name = Text(b.Name) };

        public TimelineEvent? Visit(GcEvent gc) => gc with
        {
            T = Time(gc.T), Reason = Text(gc.Reason), Type = Text(gc.Type),
            DurationMs = Milliseconds(gc.DurationMs), PauseMs = Milliseconds(gc.PauseMs),
        };

        public TimelineEvent? Visit(OutputLine o) => o with { T = Time(o.T), Text = Text(o.Text) };
        public TimelineEvent? Visit(Notice n) => n with { T = Time(n.T), Text = Text(n.Text) };

        public TimelineEvent? Visit(CounterReading c) => c with
        {
            T = Time(c.T),
            Counter = c.Counter with
            {
                Provider = Text(c.Counter.Provider), Name = Text(c.Counter.Name),
                DisplayName = Text(c.Counter.DisplayName), Unit = Text(c.Counter.Unit),
            },
        };

        public TimelineEvent? Visit(AllocationSample a) => a with { T = Time(a.T), TypeName = Text(a.TypeName) };

        public TimelineEvent? Visit(AllocationSite a) => a with
        {
            T = Time(a.T), TypeName = Text(a.TypeName),
            Frames = a.Frames.Any(HasSurrogate) ? a.Frames.Select(Text).ToList() : a.Frames,
        };

        public TimelineEvent? Visit(ProcessStarted p) => p with { T = Time(p.T), Name = Text(p.Name), CommandLine = Text(p.CommandLine) };
    }

    /// <summary>The header as a recording holds it.</summary>
    public static RecordingHeader Of(RecordingHeader header) => header with { Target = Text(header.Target) };

    /// <summary>Whether a time or duration in seconds (or a GC's in milliseconds) is one a recording can hold.</summary>
    public static bool InRange(double seconds) => Math.Abs(seconds) <= MaxSeconds;

    /// <summary>Whether a recorded event's times are all ones a recording can hold: a reader skips the line of one that is not.</summary>
    public static bool InRange(TimelineEvent recorded) => InRange(recorded.T) && recorded switch
    {
        Bracket b => InRange(b.End),
        GcEvent gc => InRange(gc.DurationMs) && InRange(gc.PauseMs),
        _ => true,
    };

    /// <summary>
    /// Text as JSON holds it: valid Unicode, each lone surrogate (a name cut within a pair, or a target's garbage) as
    /// U+FFFD, as the JSON writer and UTF-8 replace it. Text without a surrogate, nearly all, is found in one pass.
    /// </summary>
    private static string Text(string text) => HasSurrogate(text) ? Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text)) : text;

    private static bool HasSurrogate(string text) => text.AsSpan().ContainsAnyInRange('\uD800', '\uDFFF');

    private static double Time(double seconds) => Math.Round(seconds, 4);

    private static double Milliseconds(double milliseconds) => Math.Round(milliseconds, 3);
}
