using System.Collections.Immutable;
using System.Reflection.Metadata;
using System.Text.RegularExpressions;

namespace Harness.Tests.Support;

/// <summary>
/// Names types and methods the same way whether they are read from the assembly that defines them (a TypeDef, a
/// MethodDef) or from one that calls them (a TypeRef, a MemberRef, a generic TypeSpec), so a call site in our IL can be
/// matched by name to a method body in TorchSharp.dll. A method's name is
/// <c>Namespace.Outer/Nested::name`genericArity(parameter types)return type</c>; type parameters are <c>!0</c> and
/// method type parameters <c>!!0</c> (as in ECMA-335 signatures), and custom modifiers are dropped.
/// </summary>
public sealed partial class SignatureNames : ISignatureTypeProvider<string, object?>
{
    /// <summary>The one instance (it holds no state).</summary>
    public static readonly SignatureNames Instance = new();

    /// <summary>The full name of a method defined in <paramref name="md"/>.</summary>
    public static string Of(MetadataReader md, MethodDefinitionHandle handle)
    {
        var method = md.GetMethodDefinition(handle);
        return Key(TypeName(md, method.GetDeclaringType()), md.GetString(method.Name), method.DecodeSignature(Instance, null));
    }

    /// <summary>
    /// The full name of the method a call instruction's operand names (a MethodDef, a MemberRef or a MethodSpec), or
    /// null for a field reference.
    /// </summary>
    public static string? Of(MetadataReader md, EntityHandle handle)
    {
        switch (handle.Kind)
        {
            case HandleKind.MethodDefinition:
                return Of(md, (MethodDefinitionHandle)handle);
            case HandleKind.MethodSpecification:
                return Of(md, md.GetMethodSpecification((MethodSpecificationHandle)handle).Method);
            case HandleKind.MemberReference:
                var member = md.GetMemberReference((MemberReferenceHandle)handle);
                if (member.GetKind() != MemberReferenceKind.Method)
                {
                    return null;
                }

                return Key(ParentName(md, member.Parent), md.GetString(member.Name), member.DecodeMethodSignature(Instance, null));
            default:
                return null;
        }
    }

    /// <summary>The full name of a type defined in <paramref name="md"/>.</summary>
    public static string TypeOf(MetadataReader md, TypeDefinitionHandle handle) => TypeName(md, handle);

    /// <summary>The full name of the (generic definition of the) type a TypeDef, TypeRef or TypeSpec names.</summary>
    public static string? TypeOf(MetadataReader md, EntityHandle handle) => handle.Kind switch
    {
        HandleKind.TypeDefinition or HandleKind.TypeReference or HandleKind.TypeSpecification => ParentName(md, handle),
        _ => null,
    };

    /// <summary>The short form used in messages: <c>Tensor.add(Tensor)</c>.</summary>
    public static string Short(string key)
    {
        var split = key.IndexOf("::", StringComparison.Ordinal);
        var type = key[..split];
        var close = key.LastIndexOf(')');
        var method = key[(split + 2)..(close + 1)];
        var tick = method.IndexOf('`', StringComparison.Ordinal);
        var open = method.IndexOf('(', StringComparison.Ordinal);
        var name = method[..tick];
        var parameters = method[(open + 1)..^1].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Simple);
        return $"{Simple(type)}.{name}({string.Join(", ", parameters)})";
    }

    // Drops namespaces and enclosing types, generic arguments' too: TorchSharp.torch/Tensor → Tensor.
    private static string Simple(string type) => Qualifiers().Replace(type, "");

    [GeneratedRegex(@"(\w+[./])+")]
    private static partial Regex Qualifiers();

    private static string Key(string type, string name, MethodSignature<string> signature) =>
        $"{type}::{name}`{signature.GenericParameterCount}({string.Join(",", signature.ParameterTypes)}){signature.ReturnType}";

    private static string ParentName(MetadataReader md, EntityHandle parent) => parent.Kind switch
    {
        HandleKind.TypeDefinition => TypeName(md, (TypeDefinitionHandle)parent),
        HandleKind.TypeReference => TypeName(md, (TypeReferenceHandle)parent),
        // A member of a generic instance (Module<Tensor, Tensor>.call) is named by its generic definition, as in the
        // defining assembly.
        HandleKind.TypeSpecification => Definition(md.GetTypeSpecification((TypeSpecificationHandle)parent).DecodeSignature(Instance, null)),
        // vararg call sites and global methods: never TorchSharp's.
        _ => "<module>",
    };

    private static string Definition(string type)
    {
        var generic = type.IndexOf('<', StringComparison.Ordinal);
        return generic < 0 ? type : type[..generic];
    }

    private static string TypeName(MetadataReader md, TypeDefinitionHandle handle)
    {
        var type = md.GetTypeDefinition(handle);
        var declaring = type.GetDeclaringType();
        return declaring.IsNil
            ? Qualified(md.GetString(type.Namespace), md.GetString(type.Name))
            : $"{TypeName(md, declaring)}/{md.GetString(type.Name)}";
    }

    private static string TypeName(MetadataReader md, TypeReferenceHandle handle)
    {
        var type = md.GetTypeReference(handle);
        return type.ResolutionScope.Kind == HandleKind.TypeReference
            ? $"{TypeName(md, (TypeReferenceHandle)type.ResolutionScope)}/{md.GetString(type.Name)}"
            : Qualified(md.GetString(type.Namespace), md.GetString(type.Name));
    }

    private static string Qualified(string ns, string name) => ns.Length == 0 ? name : $"{ns}.{name}";

    /// <inheritdoc/>
    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode.ToString();

    /// <inheritdoc/>
    public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => TypeName(reader, handle);

    /// <inheritdoc/>
    public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => TypeName(reader, handle);

    /// <inheritdoc/>
    public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

    /// <inheritdoc/>
    public string GetSZArrayType(string elementType) => $"{elementType}[]";

    /// <inheritdoc/>
    public string GetArrayType(string elementType, ArrayShape shape) => $"{elementType}[{shape.Rank}d]";

    /// <inheritdoc/>
    public string GetByReferenceType(string elementType) => $"{elementType}&";

    /// <inheritdoc/>
    public string GetPointerType(string elementType) => $"{elementType}*";

    /// <inheritdoc/>
    public string GetPinnedType(string elementType) => elementType;

    /// <inheritdoc/>
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType;

    /// <inheritdoc/>
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => $"{genericType}<{string.Join(";", typeArguments)}>";

    /// <inheritdoc/>
    public string GetGenericTypeParameter(object? genericContext, int index) => $"!{index}";

    /// <inheritdoc/>
    public string GetGenericMethodParameter(object? genericContext, int index) => $"!!{index}";

    /// <inheritdoc/>
    public string GetFunctionPointerType(MethodSignature<string> signature) => "fnptr";
}
