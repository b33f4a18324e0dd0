"""Context: what each figure counts (entity), which way it moved (trend), its kind and who gave it (source)."""
