using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace TuiProf.Core.Heap;

/// <summary>
/// The class that declares a static field, which the runtime's heap dump does not say: its static roots give the
/// field's name and the object's type only (eventtrace.cpp, BulkStaticsLogger). It is looked up in the metadata of the
/// assemblies the target has mapped (<c>/proc/PID/maps</c>, opened through <c>/proc/PID/root</c> so that a container's
/// files are its own): the classes with a static field of that name, narrowed to those whose field type is the
/// object's when more than one has it. Nothing is asked of the target; an assembly loaded from bytes (or a single-file
/// app) is not on disk, and its fields stay without a class.
/// </summary>
public sealed class StaticFieldOwners
{
    private readonly Dictionary<string, List<(string Class, string FieldType)>> _byField;

    private StaticFieldOwners(Dictionary<string, List<(string, string)>> byField) => _byField = byField;

    /// <summary>The declarers of the named static fields in the target's mapped assemblies.</summary>
    public static StaticFieldOwners Read(int pid, IReadOnlySet<string> fields)
    {
        var byField = new Dictionary<string, List<(string, string)>>(StringComparer.Ordinal);
        foreach (var assembly in MappedAssemblies(pid))
            Collect($"/proc/{pid}/root{assembly}", fields, byField);
        return new StaticFieldOwners(byField);
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

    private static void Collect(string path, IReadOnlySet<string> fields, Dictionary<string, List<(string, string)>> byField)
    {
        try
        {
            using var pe = new PEReader(File.OpenRead(path));
            if (!pe.HasMetadata) return;
            var metadata = pe.GetMetadataReader();
            foreach (var typeHandle in metadata.TypeDefinitions)
            {
                var type = metadata.GetTypeDefinition(typeHandle);
                foreach (var fieldHandle in type.GetFields())
                {
                    var field = metadata.GetFieldDefinition(fieldHandle);
                    if ((field.Attributes & FieldAttributes.Static) == 0 || (field.Attributes & FieldAttributes.Literal) != 0) continue;
                    var name = metadata.GetString(field.Name);
                    if (!fields.Contains(name)) continue;
                    if (!byField.TryGetValue(name, out var owners)) byField[name] = owners = [];
                    owners.Add((TypeNames.Of(metadata, typeHandle), field.DecodeSignature(TypeNames.Provider, null)));
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or BadImageFormatException or InvalidOperationException)
        {
            // Gone, unreadable, or not an assembly: its fields stay without a class.
        }
    }
}
