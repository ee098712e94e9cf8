"""Lo que la línea de comandos y el lector necesitan saber de un archivo: la causa de un error
del sistema en español, si un archivo lo escribió esta herramienta y si ``--salida`` puede
escribir en una ruta sin destruir nada (issue 12).

>>> motivo_de_sistema(FileNotFoundError(2, "No such file or directory"))
'no existe'
"""

from __future__ import annotations

import errno
import os
import stat
import zipfile
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Final

from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.informe import COLUMNAS_FILAS

__all__ = ["comprobar_salida", "escrito_por_la_herramienta", "motivo_de_sistema"]

_MOTIVOS: Final[Mapping[int, str]] = MappingProxyType(
    {
        errno.ENOENT: "no existe",
        errno.EACCES: "no hay permiso",
        errno.EPERM: "no hay permiso",
        errno.EISDIR: "es una carpeta",
        errno.ENOTDIR: "una parte de la ruta no es una carpeta",
        errno.ENOSPC: "no queda espacio en el disco",
        errno.EDQUOT: "se acabó la cuota de disco",
        errno.EROFS: "el sistema de archivos es de solo lectura",
        errno.ENAMETOOLONG: "el nombre es demasiado largo",
        errno.ELOOP: "hay enlaces simbólicos en bucle",
        errno.EIO: "falló el disco (error de entrada y salida)",
        errno.EMFILE: "hay demasiados archivos abiertos",
    }
)


def motivo_de_sistema(error: OSError) -> str:
    """La causa de un `OSError`, en español (sin el texto en inglés del sistema).

    >>> motivo_de_sistema(OSError(errno.ENOSPC, "No space left on device"))
    'no queda espacio en el disco'
    >>> motivo_de_sistema(OSError(errno.EXDEV, "Invalid cross-device link"))
    'error del sistema EXDEV'
    >>> motivo_de_sistema(OSError("sin número"))
    'error del sistema'
    """
    if error.errno is None:
        return "error del sistema"
    return _MOTIVOS.get(error.errno, f"error del sistema {errno.errorcode.get(error.errno)}")


# Cómo empieza cada formato que escribe la herramienta (texto, JSON, CSV de `Informe.filas()`
# y de una serie, con la columna `periodo` delante, y el CSV para Excel: BOM y encabezado).
_FIRMAS: Final = (
    b"Informe de la Circular 109 de 2012",
    b"Serie de la Circular 109 de 2012",
    "\ufeffÁmbito;Clave;Nombre;Indicador;".encode(),
    "\ufeffPeriodo;Ámbito;Clave;Nombre;Indicador;".encode(),
    b'{\n  "esquema": ',
    (",".join(COLUMNAS_FILAS) + "\n").encode(),
    (",".join(("periodo", *COLUMNAS_FILAS)) + "\n").encode(),
)
_HOJAS_DEL_LIBRO: Final = (b'name="Nacional"', b'name="Registros excluidos"')
_HOJAS_DE_LA_SERIE: Final = (b'name="Portada"', b'name="Excluidos por periodo"')
_TITULOS: Final = (
    b"<title>Informe de la Circular 109 de 2012",
    b"<title>Serie de la Circular 109 de 2012",
)


def escrito_por_la_herramienta(ruta: str | os.PathLike[str]) -> bool:
    """Si el archivo parece un informe de esta herramienta, por su contenido: empieza como el
    texto, el JSON o el CSV (también el de Excel) del informe o de la serie, es una página HTML
    con su título, o es un libro de Excel con sus hojas «Nacional» y «Registros excluidos» (o,
    el de la serie, «Portada» y «Excluidos por periodo»). No lee más de 4 KiB (ni del
    libro más que su índice de hojas)."""
    try:
        with open(ruta, "rb") as archivo:
            cabeza = archivo.read(4096)
        if cabeza.startswith(_FIRMAS):
            return True
        if cabeza.startswith(b"<!DOCTYPE html>"):
            return any(titulo in cabeza for titulo in _TITULOS)
        if cabeza.startswith(b"PK\x03\x04"):
            with zipfile.ZipFile(ruta) as libro:
                indice = libro.read("xl/workbook.xml")
            return any(
                all(hoja in indice for hoja in hojas)
                for hojas in (_HOJAS_DEL_LIBRO, _HOJAS_DE_LA_SERIE)
            )
    except (OSError, KeyError, zipfile.BadZipFile):
        return False
    return False


def _dentro(ruta: Path, carpeta: Path) -> bool:
    return ruta == carpeta or carpeta in ruta.parents


def comprobar_salida(
    salida: str, *, datos: str | None = None, forzar: bool = False, opcion: str = "--salida"
) -> None:
    """Que ``--salida`` pueda escribirse sin destruir nada; si no, un `DatoInvalido` con la
    ruta tal como la dio el usuario.

    Se rechaza, salvo con `forzar`: una ruta dentro de la carpeta `datos` (el informe
    reemplazaría o se mezclaría con las entradas) y un archivo que ya existe, no está vacío
    y no escribió esta herramienta (`escrito_por_la_herramienta`). Siempre se rechazan una
    carpeta, un destino cuya carpeta no existe y lo que no es un archivo regular, un
    dispositivo de caracteres (``/dev/null``) ni una tubería. Los enlaces simbólicos se
    juzgan por su destino.
    """
    real = Path(os.path.realpath(salida))

    def error(motivo: str) -> DatoInvalido:
        return DatoInvalido(motivo, campo=opcion, valor=salida)

    if datos is not None and not forzar and _dentro(real, Path(os.path.realpath(datos))):
        raise error(
            "está dentro de la carpeta de datos (--datos): el informe reemplazaría o se "
            "mezclaría con las entradas; elija otra ruta (o use --forzar)"
        )
    try:
        estado = os.stat(real)
    except FileNotFoundError:
        if not real.parent.is_dir():
            raise error("la carpeta donde escribirlo no existe") from None
        return
    except OSError as problema:
        raise error(f"no se puede usar: {motivo_de_sistema(problema)}") from None
    modo = estado.st_mode
    if stat.S_ISDIR(modo):
        raise error("es una carpeta; dé la ruta de un archivo")
    if stat.S_ISCHR(modo) or stat.S_ISFIFO(modo):
        return  # /dev/null o una tubería: se escribe directamente, no se reemplaza
    if not stat.S_ISREG(modo):
        raise error("no es un archivo regular, un dispositivo de caracteres ni una tubería")
    if estado.st_size and not forzar and not escrito_por_la_herramienta(real):
        raise error(
            "el archivo ya existe y no es un informe de sena-relacionamiento: no se reemplaza "
            "(use --forzar para reemplazarlo)"
        )
