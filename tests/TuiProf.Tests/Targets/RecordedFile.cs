using System.Text.Json;

namespace TuiProf.Tests.Targets;

/// <summary>A JSON Lines recording read back line by line, each line a JSON object, with the checks every test makes.</summary>
public sealed class RecordedFile
{
    private static readonly string[] EventTypes = ["sample", "gc", "bracket", "counter", "alloc"];

    private RecordedFile(IReadOnlyList<JsonElement> lines) => Lines = lines;

    public IReadOnlyList<JsonElement> Lines { get; }

    public JsonElement Header => Lines[0];

    public int LaunchedPid => Header.GetProperty("pid").GetInt32();

    public IEnumerable<JsonElement> Events => Lines.Where(l => EventTypes.Contains(Type(l)));

    public IEnumerable<JsonElement> Processes => Lines.Where(l => Type(l) == "process");

    public IEnumerable<JsonElement> Followed => Processes.Where(p => p.GetProperty("followed").GetBoolean());

    public IEnumerable<JsonElement> OfType(string type) => Lines.Where(l => Type(l) == type);

    public IEnumerable<string> BracketNames => OfType("bracket").Select(b => b.GetProperty("name").GetString()!);

    /// <summary>Reads a whole recording: every line must be a JSON object with a type, the first one the header.</summary>
    public static RecordedFile Read(string path)
    {
        var lines = File.ReadAllLines(path).Select((text, i) =>
        {
            try { return JsonDocument.Parse(text).RootElement; }
            catch (JsonException e) { throw new Xunit.Sdk.XunitException($"line {i + 1} of {path} is not JSON ({e.Message}): {text}"); }
        }).ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.False(string.IsNullOrEmpty(Type(l))));
        var file = new RecordedFile(lines);
        Assert.Equal("start", Type(file.Header));
        // An event of any process but the header's names it; so every pid an event names was announced.
        var announced = file.Processes.Select(Pid).ToHashSet();
        Assert.All(file.Events.Where(e => e.TryGetProperty("pid", out _)),
            e => Assert.True(announced.Contains(Pid(e)), $"an event of a process with no process line: {e}"));
        return file;
    }

    public static int Pid(JsonElement line) => line.GetProperty("pid").GetInt32();

    /// <summary>The process an event came from: the one it names, or else the header's (the launched process).</summary>
    public int ProcessOf(JsonElement e) => e.TryGetProperty("pid", out var pid) ? pid.GetInt32() : LaunchedPid;

    /// <summary>A process line's name and command line, for matching and for messages.</summary>
    public static string Describe(JsonElement process) =>
        $"{Pid(process)} {Text(process, "name")} [{Text(process, "cmdline")}]";

    private static string Text(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string? Type(JsonElement line) =>
        line.ValueKind == JsonValueKind.Object && line.TryGetProperty("type", out var type) ? type.GetString() : null;

    public string Summary() =>
        $"{Lines.Count} lines; processes: {string.Join("; ", Processes.Select(p => Describe(p) + (p.GetProperty("followed").GetBoolean() ? " followed" : "")))}; " +
        $"brackets: {string.Join(",", BracketNames.Distinct().Take(10))}";
}
