using System.Text.Json;
using CliWrap;
using TuiProf.Tests.Processes;

namespace TuiProf.Tests.Export;

/// <summary>
/// The real mprof: Debian's python3-memory-profiler installs it as <c>python3-mprof</c>, a script for Debian's own
/// python3 (named on its first line), which also imports memory_profiler's <c>mprof</c> module to read a file back.
/// Plots go to files through matplotlib's Agg backend: no display needed.
/// </summary>
public static class RealMprof
{
    private static readonly Lazy<string> Script = new(() => InstalledTool.Locate("python3-mprof", "TUIPROF_MPROF",
        "apt-get install python3-memory-profiler python3-matplotlib"));

    /// <summary>The python3 the mprof script runs on, from its <c>#!</c> line.</summary>
    public static string Python => File.ReadLines(Script.Value).First().TrimStart('#', '!').Trim().Split(' ')[0];

    public static async Task<ProcessOutcome> RunAsync(params string[] arguments)
    {
        var result = await RunningProcess.RunAsync(Command(Script.Value).WithArguments(arguments), Limit);
        Assert.True(result.ExitCode == 0, $"mprof {string.Join(' ', arguments)}: exit {result.ExitCode}\n{result.StandardError}");
        return result;
    }

    /// <summary>The file as mprof itself reads it (<c>mprof.read_mprofile_file</c>), as JSON.</summary>
    public static async Task<JsonElement> ReadAsync(string datFile)
    {
        const string program = """
            import json, sys, mprof
            p = mprof.read_mprofile_file(sys.argv[1])
            print(json.dumps({"mem": p["mem_usage"], "timestamp": p["timestamp"], "functions": p["func_timestamp"],
                              "children": p["children"], "cmdline": p["cmd_line"]}))
            """;
        var result = await RunningProcess.RunAsync(Command(Python).WithArguments(["-c", program, datFile]), Limit);
        Assert.True(result.ExitCode == 0, $"mprof could not read {datFile}:\n{result.StandardError}");
        return JsonDocument.Parse(result.StandardOutput).RootElement.Clone();
    }

    /// <summary>Width and height of a PNG, from its IHDR chunk; fails if the file is not a PNG.</summary>
    public static (int Width, int Height) PngSize(string path)
    {
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10 }),
            $"{path} is not a PNG");
        return (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16)),
            System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20)));
    }

    /// <summary>Far beyond mprof's seconds of Python start-up and plotting.</summary>
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private static Command Command(string path) => Cli.Wrap(path)
        .WithEnvironmentVariables(env => env.Set("MPLBACKEND", "Agg"))
        .WithValidation(CommandResultValidation.None);
}
