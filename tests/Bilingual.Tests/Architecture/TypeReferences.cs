using System.Reflection;
using System.Reflection.Emit;

namespace Bilingual.Tests.Architecture;

/// <summary>
/// Every type a compiled type uses: its base type and interfaces, the types in its fields, properties,
/// events, method signatures and attributes, and every type, method and field its method bodies name
/// (read from the IL). Lambdas, iterators and async state machines are nested types, so they count for
/// the type that wrote them.
/// </summary>
internal static class TypeReferences
{
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    private const BindingFlags Declared =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>The types <paramref name="type"/> uses, generic arguments and element types unwrapped.</summary>
    public static IEnumerable<Type> Of(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null)
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
                return;
            }

            if (t.IsGenericParameter)
            {
                return;
            }

            if (t.IsGenericType && !t.IsGenericTypeDefinition)
            {
                foreach (var argument in t.GetGenericArguments())
                {
                    Add(argument);
                }

                t = t.GetGenericTypeDefinition();
            }

            found.Add(t);
        }

        Add(type.BaseType);
        foreach (var contract in type.GetInterfaces())
        {
            Add(contract);
        }

        AddAttributes(type.CustomAttributes, Add);
        foreach (var field in type.GetFields(Declared))
        {
            Add(field.FieldType);
            AddAttributes(field.CustomAttributes, Add);
        }

        foreach (var property in type.GetProperties(Declared))
        {
            Add(property.PropertyType);
        }

        foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (method is MethodInfo info)
            {
                Add(info.ReturnType);
            }

            foreach (var parameter in method.GetParameters())
            {
                Add(parameter.ParameterType);
            }

            AddAttributes(method.CustomAttributes, Add);
            foreach (var used in BodyReferences(method))
            {
                Add(used);
            }
        }

        return found;
    }

    private static void AddAttributes(IEnumerable<CustomAttributeData> attributes, Action<Type?> add)
    {
        foreach (var attribute in attributes)
        {
            add(attribute.AttributeType);
        }
    }

    /// <summary>The types named by the tokens in <paramref name="method"/>'s IL (ECMA-335 §III).</summary>
    private static IEnumerable<Type> BodyReferences(MethodBase method)
    {
        byte[]? il;
        try
        {
            il = method.GetMethodBody()?.GetILAsByteArray();
        }
        catch (Exception e) when (e is InvalidOperationException or NotSupportedException)
        {
            yield break;
        }

        if (il is null)
        {
            yield break;
        }

        var typeArguments = method.DeclaringType is { IsGenericType: true } declaring ? declaring.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var position = 0;
        while (position < il.Length)
        {
            short value = il[position++];
            if (value == 0xFE)
            {
                value = (short)(0xFE00 | il[position++]);
            }

            if (!OpCodesByValue.TryGetValue(value, out var opCode))
            {
                yield break;
            }

            switch (opCode.OperandType)
            {
                case OperandType.InlineField:
                case OperandType.InlineMethod:
                case OperandType.InlineTok:
                case OperandType.InlineType:
                    var token = BitConverter.ToInt32(il, position);
                    position += 4;
                    foreach (var type in Resolve(method.Module, token, typeArguments, methodArguments))
                    {
                        yield return type;
                    }

                    break;
                case OperandType.InlineSwitch:
                    var count = BitConverter.ToInt32(il, position);
                    position += 4 + (4 * count);
                    break;
                default:
                    position += OperandSize(opCode.OperandType);
                    break;
            }
        }
    }

    private static IEnumerable<Type> Resolve(Module module, int token, Type[]? typeArguments, Type[]? methodArguments)
    {
        MemberInfo? member;
        try
        {
            member = module.ResolveMember(token, typeArguments, methodArguments);
        }
        catch (Exception e) when (e is ArgumentException or BadImageFormatException or TypeLoadException or FileNotFoundException)
        {
            yield break;
        }

        switch (member)
        {
            case Type type:
                yield return type;
                break;
            case FieldInfo field:
                yield return field.DeclaringType!;
                yield return field.FieldType;
                break;
            case MethodBase called:
                if (called.DeclaringType is not null)
                {
                    yield return called.DeclaringType;
                }

                if (called is MethodInfo info)
                {
                    yield return info.ReturnType;
                    if (info.IsGenericMethod)
                    {
                        foreach (var argument in info.GetGenericArguments())
                        {
                            yield return argument;
                        }
                    }
                }

                foreach (var parameter in called.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
        }
    }

    private static int OperandSize(OperandType operand) => operand switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        _ => 4,
    };
}
