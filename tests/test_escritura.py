"""Pruebas de `escribir_atomico` ante lo que no es un archivo regular (issue 12, ítem 4).

Todo ocurre en una carpeta temporal: nunca se escribe en el ``/dev`` de la máquina. El
dispositivo de caracteres es un nodo creado en la carpeta temporal con `os.mknod` (hace falta
ser root y un sistema de archivos sin ``nodev``); si no se puede, se simula con un `os.stat`
falso y un archivo común.
"""

from __future__ import annotations

import errno
import os
import stat
import threading
from pathlib import Path
from typing import Any

import pytest

from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io import escribir_atomico


def test_un_enlace_se_conserva_y_se_escribe_su_destino(tmp_path: Path) -> None:
    destino = tmp_path / "real.html"
    destino.write_text("viejo", encoding="utf-8")
    destino.chmod(0o640)
    enlace = tmp_path / "enlace.html"
    enlace.symlink_to("real.html")
    escribir_atomico(enlace, "nuevo")
    assert enlace.is_symlink()
    assert destino.read_text(encoding="utf-8") == "nuevo"
    assert stat.S_IMODE(destino.stat().st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["enlace.html", "real.html"]


def test_un_enlace_roto_crea_su_destino(tmp_path: Path) -> None:
    enlace = tmp_path / "enlace.json"
    enlace.symlink_to("nuevo.json")
    escribir_atomico(enlace, "{}")
    assert enlace.is_symlink()
    assert (tmp_path / "nuevo.json").read_text(encoding="utf-8") == "{}"


def test_un_fifo_con_lector_recibe_todo_y_sigue_siendo_fifo(tmp_path: Path) -> None:
    fifo = tmp_path / "tubo"
    os.mkfifo(fifo)
    recibido: list[bytes] = []

    def leer() -> None:
        with open(fifo, "rb") as tubo:
            recibido.append(tubo.read())

    lector = threading.Thread(target=leer, daemon=True)
    lector.start()
    escribir_atomico(fifo, "a" * 200_000)  # más que el búfer de una tubería
    lector.join(timeout=30)
    assert not lector.is_alive()
    assert recibido == [b"a" * 200_000]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tubo"]


def _dispositivo(ruta: Path, monkeypatch: pytest.MonkeyPatch) -> bool:
    """Un dispositivo de caracteres nulo (1, 3) en `ruta`; si no se puede, un archivo común
    que `os.stat` hace pasar por dispositivo. Devuelve si el nodo es de verdad."""
    try:
        os.mknod(ruta, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
        with open(ruta, "wb"):
            pass
    except OSError:
        ruta.unlink(missing_ok=True)
    else:
        return True
    ruta.write_bytes(b"")
    real = os.stat

    class _Falso:
        st_mode = stat.S_IFCHR | 0o666

    def falso(camino: Any, *args: Any, **kwargs: Any) -> object:
        if os.fspath(camino) == os.fspath(ruta):
            return _Falso()
        return real(camino, *args, **kwargs)

    monkeypatch.setattr(os, "stat", falso)
    return False


def test_un_dispositivo_de_caracteres_no_se_reemplaza(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    nulo = tmp_path / "nulo"
    de_verdad = _dispositivo(nulo, monkeypatch)
    escribir_atomico(nulo, "informe")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["nulo"]  # ningún temporal
    if de_verdad:
        assert stat.S_ISCHR(nulo.lstat().st_mode)
    else:
        assert nulo.read_bytes() == b"informe"  # se escribió directo, no se reemplazó


def test_una_carpeta_no_es_un_destino(tmp_path: Path) -> None:
    with pytest.raises(DatoInvalido, match="no es un archivo regular") as error:
        escribir_atomico(tmp_path, "x")
    assert error.value.valor == str(tmp_path)


def test_el_error_del_sistema_nombra_la_ruta_pedida(tmp_path: Path) -> None:
    pedida = tmp_path / "no-existe" / "a.txt"
    with pytest.raises(FileNotFoundError) as error:
        escribir_atomico(pedida, "x")
    assert error.value.filename == str(pedida)
    assert error.value.errno == errno.ENOENT


def test_un_error_al_consultar_el_destino_nombra_la_ruta(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def falla(*args: object, **kwargs: object) -> object:
        raise PermissionError(errno.EACCES, "Permission denied", "/otro")

    monkeypatch.setattr(os, "stat", falla)
    with pytest.raises(PermissionError) as error:
        escribir_atomico(tmp_path / "a.txt", "x")
    assert error.value.filename == str(tmp_path / "a.txt")
