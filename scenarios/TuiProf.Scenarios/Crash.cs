namespace TuiProf.Scenarios;

[Scenario("crash", 9, "One call, then an unhandled exception: what a dying target looks like (.NET only)",
    LookFor = "One RandomNumberAverage bracket, then the program throws an exception nobody catches. The runtime " +
              "prints it to stderr (see the output panel) and aborts the process: exit code 134, SIGABRT, not a " +
              "clean 1. The profiler keeps everything it recorded and stays up; press r to run it again. In a " +
              "service this is the moment to look at the last GCs and the heap before the crash.")]
public sealed class Crash : Scenario
{
    public override void Run(TextWriter output)
    {
        output.WriteLine($"Average: {Experiment.RandomNumberAverage(0.3):F4}");
        // Events still in the runtime's buffers die with the process; give the bracket time to be sent.
        Thread.Sleep(300);
        throw new InvalidOperationException("the crash scenario fails on purpose, after one call");
    }
}
