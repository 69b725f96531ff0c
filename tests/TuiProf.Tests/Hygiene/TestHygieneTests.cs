using System.Reflection;

namespace TuiProf.Tests.Hygiene;

public class TestHygieneTests
{
    [Fact]
    public void Every_test_that_starts_a_process_has_a_timeout()
    {
        var missing = TestMethods().Where(m => m.GetCustomAttribute<FactAttribute>()!.Timeout <= 0)
            .Select(m => (Test: m, Path: PathFrom(m))).Where(t => t.Path is not null)
            .Select(t => $"{t.Test.DeclaringType!.Name}.{t.Test.Name}: {string.Join(" -> ", t.Path!.Skip(1).Select(Name))}")
            .Order().ToList();

        Assert.True(missing.Count == 0, $"{missing.Count} tests start a process and have no Timeout:\n{string.Join("\n", missing)}");
    }

    [Fact]
    public void The_check_finds_a_process_started_through_a_helper_an_async_state_machine_and_a_lambda()
    {
        Assert.NotNull(ProcessStarters.PathFrom(typeof(TuiProf.Tests.CommandLine.TuiProfCli).GetMethod("RunAsync", [typeof(string[])])!));
        Assert.NotNull(ProcessStarters.PathFrom(typeof(RunningScenario).GetConstructor([typeof(string)])!));
        Assert.Null(ProcessStarters.PathFrom(typeof(TestHygieneTests).GetMethod(nameof(Name), BindingFlags.NonPublic | BindingFlags.Static)!));
    }

    private static IEnumerable<MethodInfo> TestMethods() =>
        typeof(TestHygieneTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.DeclaredOnly))
            .Where(m => m.GetCustomAttribute<FactAttribute>() is not null);

    /// <summary>How the test, or the constructor xunit runs before it, starts a process.</summary>
    private static IReadOnlyList<MethodBase>? PathFrom(MethodInfo test) =>
        test.DeclaringType!.GetConstructors().Select(ProcessStarters.PathFrom).FirstOrDefault(p => p is not null) ??
        ProcessStarters.PathFrom(test);

    private static string Name(MethodBase m) => $"{m.DeclaringType?.Name}.{m.Name}";
}
