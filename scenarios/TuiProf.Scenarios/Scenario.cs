namespace TuiProf.Scenarios;

/// <summary>One experiment. <see cref="Run"/> is one repetition; <c>--loop</c> calls it again until stopped.</summary>
public abstract class Scenario
{
    public abstract void Run(TextWriter output);
}
