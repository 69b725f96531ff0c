namespace TuiProf.Core.Timeline;

public sealed partial class Timeline
{
    /// <summary>
    /// What each kind of event changes in the timeline, under its lock; the answer is whether the timeline keeps
    /// anything of it.
    /// </summary>
    private sealed class Applying(Timeline timeline) : ITimelineEventVisitor<bool>
    {
        public bool Visit(MemorySample sample)
        {
            if (sample.Rss is { } rss)
            {
                timeline._rss.Add(sample);
                timeline._lastRss = rss;
                timeline._peakRss = Math.Max(timeline._peakRss, rss);
            }
            var point = HeapSeries.Point(sample);
            if (point is { Heap: { } heap })
            {
                (HeapSeries.IsAfterGc(point) ? timeline._heapAfterGcs : timeline._heap).Add(point);
                timeline._lastHeap = heap;
                timeline._peakHeap = Math.Max(timeline._peakHeap, heap);
            }
            return sample.Rss is not null || point is not null;
        }

        public bool Visit(GcEvent gc)
        {
            timeline._gcs.Add(gc);
            timeline._gcCounts[Math.Clamp(gc.Generation, 0, 2)]++;
            timeline._totalPauseMs += gc.PauseMs;
            if (gc.IsInduced) timeline._induced++;
            return true;
        }

        // Open activities are read from the source's OpenSpans, which keeps them until they stop.
        public bool Visit(BracketStarted started) => false;

        public bool Visit(Bracket bracket)
        {
            timeline._brackets.Add(bracket);
            return true;
        }

        public bool Visit(OutputLine line)
        {
            timeline._output.Add(line);
            return true;
        }

        public bool Visit(TargetExited exited)
        {
            timeline.Exit = exited; // and its open activities are no longer drawn
            return true;
        }

        public bool Visit(Notice notice)
        {
            timeline.LastNotice = notice;
            return true;
        }

        public bool Visit(AllocationSample allocation)
        {
            timeline._allocations.Add(allocation);
            return true;
        }

        public bool Visit(AllocationSite site)
        {
            timeline._sites.Add(site);
            return true;
        }

        public bool Visit(CounterReading counter)
        {
            timeline._counters[counter.Counter.Key] = counter;
            return true;
        }

        // A timeline is one process's; the tree is the session's.
        public bool Visit(ProcessStarted started) => false;

        public bool Visit(ProcessExited exited) => false;
    }
}
