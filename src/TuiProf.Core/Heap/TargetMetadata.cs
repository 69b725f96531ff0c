using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace TuiProf.Core.Heap;

/// <summary>
/// What the runtime's heap dump does not say, looked up in the metadata of the assemblies the target has mapped
/// (<c>/proc/PID/maps</c>, opened through <c>/proc/PID/root</c> so that a container's files are its own):
/// <list type="bullet">
/// <item>the class that declares a static field: a static root gives the field's name and its object's type only
/// (eventtrace.cpp, BulkStaticsLogger); the classes with a static field of that name are narrowed to those whose field
/// type is the object's when more than one has it;</item>
/// <item>the outer class of a nested type, which the dump names alone (<c>&lt;&gt;c__DisplayClass6_0</c>): found by its
/// metadata token and name.</item>
/// </list>
/// Nothing is asked of the target; an assembly loaded from bytes (or a single-file app) is not on disk, and what is
/// in it keeps the dump's names.
/// </summary>
public sealed class TargetMetadata
{
    private readonly Dictionary<string, List<(string Class, string FieldType)>> _byField = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Token, string Name), HashSet<string>> _nested = [];

    /// <summary>Reads the declarers of the named static fields, and the full names of the nested types asked for.</summary>
    public static TargetMetadata Read(int pid, IReadOnlySet<string> fields, IReadOnlySet<(int Token, string Name)> nested)
    {
        var metadata = new TargetMetadata();
        foreach (var assembly in MappedAssemblies(pid))
            metadata.Collect($"/proc/{pid}/root{assembly}", fields, nested);
        return metadata;
    }

    /// <summary>
    /// <c>Namespace.Class</c> for a static field holding an object of <paramref name="objectType"/>; when several
    /// classes fit, the first and how many others; null when none does.
    /// </summary>
    public string? Owner(string field, string objectType)
    {
        if (!_byField.TryGetValue(field, out var all)) return null;
        var fitting = all.Where(c => Generic(c.FieldType) == Generic(objectType)).ToList() is { Count: > 0 } typed ? typed : all;
        var classes = fitting.Select(c => c.Class).Distinct().Order(StringComparer.Ordinal).ToList();
        return classes.Count == 1 ? classes[0] : $"{classes[0]} (or {classes.Count - 1} other{(classes.Count > 2 ? "s" : "")})";
    }

    /// <summary><c>Namespace.Outer+Inner</c> for a nested type the dump named <paramref name="name"/>, when one assembly has it.</summary>
    public string? NestedName(int token, string name) =>
        _nested.TryGetValue((token, name), out var full) && full.Count == 1 ? full.Single() : null;

    /// <summary>A type's name without its type arguments: <c>Dictionary`2</c> and <c>Dictionary&lt;String,Byte[]&gt;</c> alike.</summary>
    private static string Generic(string type) => type.Split('<', '`')[0];

    private static IEnumerable<string> MappedAssemblies(int pid)
    {
        string[] lines;
        try { lines = File.ReadAllLines($"/proc/{pid}/maps"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
        return lines.Select(l => l.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries))
            .Where(f => f.Length == 6 && f[5].EndsWith(".dll", StringComparison.OrdinalIgnoreCase) && f[5].StartsWith('/'))
            .Select(f => f[5])
            .Distinct(StringComparer.Ordinal);
    }

    private void Collect(string path, IReadOnlySet<string> fields, IReadOnlySet<(int Token, string Name)> nested)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata) return;
            var metadata = pe.GetMetadataReader();
            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                var token = MetadataTokens.GetToken(typeHandle);
                if (!type.GetDeclaringType().IsNil && nested.Contains((token, metadata.GetString(type.Name))))
                    Add(_nested, (token, metadata.GetString(type.Name)), TypeNames.Of(metadata, typeHandle));
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    if ((field.Attributes & FieldAttributes.Static) == 0 || (field.Attributes & FieldAttributes.Literal) != 0) continue;
                    var name = metadata.GetString(field.Name);
                    if (!fields.Contains(name)) continue;
                    if (!_byField.TryGetValue(name, out var owners)) _byField[name] = owners = [];
                    owners.Add((TypeNames.Of(metadata, typeHandle), field.DecodeSignature(TypeNames.Provider, null)));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // Gone, unreadable, or not an assembly: what is in it keeps the dump's names.
        }
    }

    private static void Add(Dictionary<(int, string), HashSet<string>> into, (int, string) key, string name)
    {
        if (!into.TryGetValue(key, out var names)) into[key] = names = new HashSet<string>(StringComparer.Ordinal);
        names.Add(name);
    }
}
