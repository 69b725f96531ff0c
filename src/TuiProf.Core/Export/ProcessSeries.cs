using TuiProf.Core.Timeline;

namespace TuiProf.Core.Export;

/// <summary>
/// One process's part of a recording, each list in time order. Memory readings are kept only while it lived: an RSS
/// of 0 bytes, or any reading after its exit, came from a process that was already gone (an exiting process or a
/// zombie reads all zeros), and would draw a fall to zero that never happened.
/// </summary>
public sealed class ProcessSeries
{
    /// <param name="events">The process's own events, in time order.</param>
    /// <param name="launchedExit">The launched process's end: what it started is gone by then too.</param>
    /// <param name="isLaunched">Whether this is the launched process, whose exit code <paramref name="launchedExit"/> is.</param>
    public ProcessSeries(int pid, string name, IReadOnlyList<TimelineEvent> events, TargetExited? launchedExit, bool isLaunched)
    {
        Pid = pid;
        Name = name;
        var sorted = new Sorted();
        foreach (var e in events) e.Accept(sorted);
        Exit = sorted.Exits.Select(e => (double?)e.T).Append(launchedExit?.T).Min();
        ExitCode = isLaunched ? launchedExit?.ExitCode : null;
        var alive = sorted.Memory.Where(s => s.T <= (Exit ?? double.MaxValue)).ToList();
        Rss = alive.Where(s => s.Rss is > 0).ToList();
        Heap = HeapSeries.Of(alive);
        Gcs = sorted.Gcs;
        Brackets = sorted.Brackets;
        Counters = sorted.Counters;
    }

    public int Pid { get; }

    public string Name { get; }

    public IReadOnlyList<MemorySample> Rss { get; }

    /// <summary>The process's <see cref="HeapSeries"/>: each reading with its <c>Heap</c> in bytes, those after a GC with their generations.</summary>
    public IReadOnlyList<MemorySample> Heap { get; }

    public IReadOnlyList<GcEvent> Gcs { get; }

    public IReadOnlyList<Bracket> Brackets { get; }

    public IReadOnlyList<CounterReading> Counters { get; }

    /// <summary>When the process was seen to end, in seconds since t = 0; null if it outlived the recording.</summary>
    public double? Exit { get; }

    /// <summary>The exit code of the launched process, when it has exited (null for the others: their parent has it).</summary>
    public int? ExitCode { get; }

    /// <summary>A process's events by kind; the answer is whether the exports draw the kind.</summary>
    private sealed class Sorted : ITimelineEventVisitor<bool>
    {
        public List<MemorySample> Memory { get; } = [];

        public List<GcEvent> Gcs { get; } = [];

        public List<Bracket> Brackets { get; } = [];

        public List<CounterReading> Counters { get; } = [];

        public List<ProcessExited> Exits { get; } = [];

        public bool Visit(MemorySample sample) => Add(Memory, sample);

        public bool Visit(GcEvent gc) => Add(Gcs, gc);

        public bool Visit(Bracket bracket) => Add(Brackets, bracket);

        public bool Visit(CounterReading counter) => Add(Counters, counter);

        public bool Visit(ProcessExited exited) => Add(Exits, exited);

        // Not drawn per process: the target's output, notices and exit, and the process starts that name processes,
        // are the recording's (RecordingSeries); allocations are in no export's format; open brackets are not recorded.
        public bool Visit(OutputLine line) => false;

        public bool Visit(Notice notice) => false;

        public bool Visit(TargetExited exited) => false;

        public bool Visit(AllocationSample allocation) => false;

        public bool Visit(AllocationSite site) => false;

        public bool Visit(BracketStarted started) => false;

        public bool Visit(ProcessStarted started) => false;

        private static bool Add<T>(List<T> list, T e)
        {
            list.Add(e);
            return true;
        }
    }
}
