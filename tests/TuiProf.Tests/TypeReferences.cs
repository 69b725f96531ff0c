using System.Reflection;

namespace TuiProf.Tests;

/// <summary>
/// The types a type's compiled code uses: its base and interfaces, the types of its fields, signatures and locals,
/// and every type, method and field its IL names. Read from the IL rather than the source, so a type reached without
/// a <c>using</c> or a qualified name (a <c>var</c>, a lambda's closure, a call's result) counts too.
/// </summary>
public static class TypeReferences
{
    private const BindingFlags Declared = BindingFlags.DeclaredOnly | BindingFlags.Instance | BindingFlags.Static |
                                          BindingFlags.Public | BindingFlags.NonPublic;

    public static IEnumerable<Type> Of(Type type)
    {
        var used = new List<Type?> { type.BaseType };
        used.AddRange(type.GetInterfaces());
        used.AddRange(type.GetFields(Declared).Select(f => f.FieldType));
        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info) used.Add(info.ReturnType);
            used.AddRange(method.GetParameters().Select(p => p.ParameterType));
            if (method.GetMethodBody() is not { } body) continue;
            used.AddRange(body.LocalVariables.Select(l => l.LocalType));
            used.AddRange(Operands(method, body.GetILAsByteArray()!));
        }
        return used.OfType<Type>().SelectMany(Flatten).Distinct();
    }

    /// <summary>The types named by the IL's type, method and field operands (a member counts as its declaring type).</summary>
    private static IEnumerable<Type?> Operands(MethodBase method, byte[] il)
    {
        var typeArguments = method.DeclaringType is { IsGenericType: true } t ? t.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        foreach (var (_, token) in IlOperands.Tokens(il))
        {
            var member = method.Module.ResolveMember(token, typeArguments, methodArguments);
            yield return member as Type ?? member?.DeclaringType;
            if (member is MethodInfo { IsGenericMethod: true } generic)
                foreach (var argument in generic.GetGenericArguments()) yield return argument;
        }
    }

    /// <summary>A type and what it is built of: an array's element, a generic's arguments.</summary>
    private static IEnumerable<Type> Flatten(Type type)
    {
        if (type.HasElementType) return Flatten(type.GetElementType()!);
        if (type.IsGenericType && !type.IsGenericTypeDefinition)
            return type.GetGenericArguments().SelectMany(Flatten).Prepend(type.GetGenericTypeDefinition());
        return [type];
    }
}
