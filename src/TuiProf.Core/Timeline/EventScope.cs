namespace TuiProf.Core.Timeline;

/// <summary>
/// Whose an event is: the whole target's (what it printed, what the session says, its exit), which every process's
/// view tells, or one process's own.
/// </summary>
public static class EventScope
{
    public static bool IsTargetWide(TimelineEvent e) => e.Accept(TargetWide.Instance);

    private sealed class TargetWide : ITimelineEventVisitor<bool>
    {
        public static readonly TargetWide Instance = new();

        public bool Visit(OutputLine line) => true;

        public bool Visit(Notice notice) => true;

        public bool Visit(TargetExited exited) => true;

        public bool Visit(MemorySample sample) => false;

        public bool Visit(GcEvent gc) => false;

        public bool Visit(BracketStarted started) => false;

        public bool Visit(Bracket bracket) => false;

        public bool Visit(AllocationSample allocation) => false;

        public bool Visit(AllocationSite site) => false;

        public bool Visit(CounterReading counter) => false;

        public bool Visit(ProcessStarted started) => false;

        public bool Visit(ProcessExited exited) => false;
    }
}
