namespace DiagBot.Sandbox.Aws.Signing;

/// <summary>Why a request's signature was refused; each protocol names these with its own error codes.</summary>
internal enum AuthFailureKind
{
    MissingAuthentication,
    IncompleteSignature,
    UnrecognizedClient,
    SignatureMismatch,
    SignatureExpired,
}

internal sealed record AuthFailure(AuthFailureKind Kind, string Message);
