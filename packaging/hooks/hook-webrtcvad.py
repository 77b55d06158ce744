"""webrtcvad comes from the `webrtcvad-wheels` distribution (prebuilt), whose metadata is not
named `webrtcvad`; the contributed hook's `copy_metadata("webrtcvad")` fails on it. The module
needs no metadata at run time, so this hook (which takes precedence) copies none."""
