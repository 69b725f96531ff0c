using System.Text.RegularExpressions;

namespace TuiProf.Core.Targets;

/// <summary>
/// Which .NET processes of a launched command's tree are profiled. Every other one is resumed at once and only
/// listed. <c>--follow</c> on the command line: <c>NAME</c>, <c>all</c> or <c>none</c>; by default,
/// <see cref="UserCode"/>.
/// </summary>
public abstract partial record FollowRule
{
    /// <summary>
    /// The launched process, and every descendant that runs your code rather than the SDK's: one not started from
    /// the .NET SDK's folder. So <c>dotnet run</c> profiles the app, <c>dotnet test</c> the testhost, and
    /// <c>dotnet build</c> the build itself (MSBuild's main node, the launched process), not csc or worker nodes.
    /// </summary>
    public static readonly FollowRule UserCode = new UserCodeRule();

    public static readonly FollowRule All = new AllRule();

    public static readonly FollowRule None = new NoneRule();

    public const string Help =
        "Which .NET processes of the launched command to profile: NAME (process or assembly name), 'all', or " +
        "'none' (the launched one only). Default: the launched process and every descendant that runs your code, " +
        "not the SDK's (dotnet run: the app; dotnet test: the testhost; dotnet build: the build itself)";

    public static FollowRule Parse(string text) => text switch
    {
        "all" => All,
        "none" => None,
        "" => throw new FormatException("--follow needs NAME, 'all' or 'none'"),
        _ => new Named(text),
    };

    /// <summary>Whether to profile a runtime; <paramref name="isRoot"/>: the first runtime of the launch.</summary>
    public abstract bool Follows(RuntimeEndpoint runtime, bool isRoot);

    /// <summary>A process whose name or entry assembly is NAME (<c>testhost</c>, <c>MyApp</c>, <c>csc</c>).</summary>
    public sealed record Named(string Name) : FollowRule
    {
        public override bool Follows(RuntimeEndpoint runtime, bool isRoot) =>
            string.Equals(runtime.Name, Name, StringComparison.OrdinalIgnoreCase) ||
            runtime.CommandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Any(word => string.Equals(Path.GetFileNameWithoutExtension(word), Name, StringComparison.OrdinalIgnoreCase));
    }

    private sealed record UserCodeRule : FollowRule
    {
        public override bool Follows(RuntimeEndpoint runtime, bool isRoot) => isRoot || !FromSdk(runtime.CommandLine);
    }

    private sealed record AllRule : FollowRule
    {
        public override bool Follows(RuntimeEndpoint runtime, bool isRoot) => true;
    }

    private sealed record NoneRule : FollowRule
    {
        public override bool Follows(RuntimeEndpoint runtime, bool isRoot) => isRoot;
    }

    /// <summary>MSBuild, csc, VBCSCompiler, vstest.console...: assemblies under <c>DOTNET_ROOT/sdk/VERSION/</c>.</summary>
    public static bool FromSdk(string commandLine) => SdkFolder().IsMatch(commandLine);

    [GeneratedRegex(@"/sdk/\d+\.\d+\.\d+[^/ ]*/")]
    private static partial Regex SdkFolder();
}
