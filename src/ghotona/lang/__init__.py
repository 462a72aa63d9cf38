"""Language layer: Bengali sentence segmentation (and, later, normalisation)."""
