"""Decodes a WAV file and extracts features from it."""
