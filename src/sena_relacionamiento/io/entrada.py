"""La entrada de datos: una carpeta con un archivo por tipo de registro (``<tipo>.csv`` o
``<tipo>.xlsx``) o un libro de Excel con una hoja por tipo (issue 16).

`leer_datos` toma cualquiera de las dos; `leer_carpeta` (en `csv_lector`) es la carpeta y
`leer_libro` el libro. Los CSV los lee `csv_lector` y los libros `xlsx_lector`, con la misma
conversión por fila: los mismos mensajes, con el archivo (y la hoja), la fila, la columna y
el valor.

Nada se salta en silencio: un archivo con nombre parecido al de un registro
(``contacto.csv``) es un error que sugiere el nombre; dos archivos para un mismo tipo, también.
Lo único que se pasa por alto sin error son los archivos ocultos o de bloqueo de Office, los
que no son CSV ni libros, y los informes que escribió esta misma herramienta (un informe
guardado en la carpeta no rompe la siguiente corrida); con `notas`, cada cosa pasada por alto
se dice, igual que la codificación de cada CSV y el título saltado de cada hoja.
"""

from __future__ import annotations

import difflib
import os
import stat
from collections.abc import Callable
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Final

from sena_relacionamiento._texto import normalizar
from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.errores import DatoInvalido, RegistroInconsistente
from sena_relacionamiento.io import xlsx_lector
from sena_relacionamiento.io._archivos import escrito_por_la_herramienta, motivo_de_sistema
from sena_relacionamiento.io.csv_lector import (
    ARCHIVOS,
    LIMITE_ERRORES,
    ErroresDeLectura,
    _leer,
    _sin_recolector,
    _tipo,
    codificacion,
)
from sena_relacionamiento.registros import Registro

__all__ = ["EXCEL", "leer_carpeta", "leer_datos", "leer_libro"]

Notas = Callable[[str], None]
Avance = Callable[[str, int], None]

EXCEL: Final = (".xlsx", ".xlsm")
"""Las extensiones de los libros de Excel que se leen."""

_OTRAS_HOJAS: Final = (".xls", ".ods", ".numbers")
_OCULTOS: Final = (".", "~$")  # archivos ocultos y de bloqueo de Office y LibreOffice
_LEIDOS: Final = (".csv", *EXCEL)


def _tipo_de(nombre: str) -> str | None:
    """El tipo (clave de `ARCHIVOS`) de un archivo de registros: ``Contactos.XLSX`` →
    ``contactos.csv``; ``None`` si no lo es."""
    clave = nombre.lower()
    for extension in _LEIDOS:
        if clave.endswith(extension):
            tipo = clave.removesuffix(extension) + ".csv"
            return tipo if tipo in ARCHIVOS else None
    return None


def _tipo_parecido(nombre: str) -> str | None:
    """El archivo de registros al que se parece `nombre` sin serlo (``contactos.txt``,
    ``"contactos.csv "``, ``contactos.csv.txt`` → ``contactos.csv``), o ``None``."""
    raiz = nombre.strip().lower().split(".")[0].strip()
    candidato = f"{raiz}.csv"
    return candidato if candidato in ARCHIVOS else None


def _por_que_no_se_lee(nombre: str, tipo: str) -> str:
    """Por qué una entrada con nombre de registro (que no es `tipo` en CSV ni en Excel) no se
    lee."""
    limpio = nombre.strip().lower()
    libro = tipo.removesuffix(".csv") + ".xlsx"
    mover = f"cámbiele el nombre a {tipo} (o {libro}) o sáquelo de la carpeta"
    if _tipo_de(limpio) is not None:
        return f"el nombre tiene espacios de más al principio o al final; {mover}"
    if limpio.endswith(_OTRAS_HOJAS):
        return (
            "no se lee: de las hojas de cálculo se leen solo los libros .xlsx; ábralo y "
            f"guárdelo como «Libro de Excel (.xlsx)» con el nombre {libro}"
        )
    motivo = (
        f"no se lee: el lector toma solo {tipo} (un CSV separado por coma, punto y coma o "
        f"tabulador) o {libro}, con ese nombre exacto; {mover}"
    )
    if limpio.startswith(tipo + "."):
        motivo += " (Windows puede esconder la última extensión del nombre)"
    return motivo


def _no_se_puede_leer(entrada: Traversable, real: Path | None) -> str | None:
    """Por qué un archivo de registros no se puede leer (una carpeta, un enlace roto o que
    sale de la carpeta de datos, un FIFO…), o ``None`` si es un archivo que se puede leer."""
    if not isinstance(entrada, Path) or real is None:
        return None if entrada.is_file() else "es una carpeta, no un archivo"
    if entrada.is_symlink():
        destino = Path(os.path.realpath(entrada))
        if not destino.exists():
            return "es un enlace simbólico roto (apunta a algo que no existe)"
        if real not in destino.parents:
            return (
                "es un enlace simbólico que sale de la carpeta de datos: no se sigue; copie "
                "el archivo a la carpeta"
            )
    modo = entrada.stat().st_mode
    if stat.S_ISDIR(modo):
        return "es una carpeta, no un archivo"
    if not stat.S_ISREG(modo):
        return "no es un archivo regular (es una tubería, un dispositivo o un socket)"
    return None


def _desconocido(entrada: Traversable, nombre: str) -> DatoInvalido | None:
    """El error de un CSV o un libro con un nombre que no es de registros (con el nombre
    parecido, si lo hay), o ``None`` si es un informe de esta herramienta."""
    if isinstance(entrada, Path) and escrito_por_la_herramienta(entrada):
        return None
    if nombre.lower().endswith(".csv"):
        try:
            _tipo(nombre)
        except DatoInvalido as error:
            return error
    extension = nombre.lower().rpartition(".")[2]
    libros = [f"{h}.{extension}" for h in xlsx_lector.HOJAS]
    motivo = "no es un archivo de registros; se esperaba uno de: " + ", ".join(libros)
    parecidos = difflib.get_close_matches(nombre.lower(), libros, n=1)
    if parecidos:
        motivo += f"; ¿quiso decir {parecidos[0]}?"
    return DatoInvalido(motivo, campo="archivo", valor=nombre)


def _entradas(
    raiz: Traversable, errores: list[DatoInvalido], notas: Notas | None
) -> dict[str, Traversable]:
    """Los archivos de registros de la carpeta, por su tipo (clave de `ARCHIVOS`); cada
    entrada que parece de registros y no se puede leer deja su error en `errores`."""
    real = Path(os.path.realpath(raiz)) if isinstance(raiz, Path) else None
    encontrados: dict[str, Traversable] = {}
    for entrada in sorted(raiz.iterdir(), key=lambda e: e.name):
        nombre = entrada.name
        if nombre.startswith(_OCULTOS):
            continue
        tipo = _tipo_de(nombre)
        if tipo is not None:
            problema = _no_se_puede_leer(entrada, real)
            if problema is None and tipo in encontrados:
                problema = (
                    f"hay dos archivos para {tipo.removesuffix('.csv')}: "
                    f"{encontrados[tipo].name} y {nombre}; deje uno"
                )
            if problema is None:
                encontrados[tipo] = entrada
                continue
            errores.append(DatoInvalido(problema, campo="archivo", valor=nombre))
        elif parecido := _tipo_parecido(nombre):
            motivo = _por_que_no_se_lee(nombre, parecido)
            errores.append(DatoInvalido(motivo, campo="archivo", valor=nombre))
        elif nombre.lower().endswith(_LEIDOS) and not entrada.is_dir():
            error = _desconocido(entrada, nombre)
            if error is not None:
                errores.append(error)
            elif notas is not None:
                notas(f"{nombre}: es un informe de sena-relacionamiento; no se lee")
    return encontrados


class _Leidos:
    """Los registros leídos de un archivo o una hoja y, solo ante un error, dónde está cada
    uno: un CSV guarda sus líneas en un arreglo (sin un texto por registro, issue 15); una
    hoja, el origen de cada fila."""

    def __init__(self, registros: list[Registro], origen: Callable[[int], str]) -> None:
        self.registros = registros
        self.origen = origen

    @classmethod
    def de_pares(cls, pares: list[tuple[Registro, str]]) -> _Leidos:
        return cls([registro for registro, _ in pares], lambda i: pares[i][1])


def _leer_archivo(
    entrada: Traversable, tipo: str, notas: Notas | None, memos: dict[Any, Any]
) -> _Leidos:
    contenido = entrada.read_bytes()
    if entrada.name.lower().endswith(EXCEL):
        return _Leidos.de_pares(
            xlsx_lector.leer_libro_de_un_tipo(contenido, entrada.name, tipo, notas)
        )
    if notas is not None:
        notas(f"{entrada.name}: codificación {codificacion(contenido)}")
    nombre = entrada.name
    registros, lineas = _leer(contenido, nombre, ARCHIVOS[tipo][1], memos)
    return _Leidos(registros, lambda i: f"{nombre}, línea {lineas[i]}")


def _reunir(
    leidos: dict[str, _Leidos], errores: list[DatoInvalido], completo: bool
) -> DatosSeguimiento:
    """Los `DatosSeguimiento` de los registros leídos por tipo; con errores, el primero (o un
    `ErroresDeLectura` con todos). Una contradicción entre registros dice dónde está cada uno."""
    if len(errores) == 1:
        raise errores[0]
    if errores:
        raise ErroresDeLectura(
            tuple(errores[:LIMITE_ERRORES]), completo=completo and len(errores) <= LIMITE_ERRORES
        )
    colecciones: dict[str, list[Registro]] = {"gestores": [], "asignaciones": []}
    for tipo, leido in leidos.items():
        colecciones[ARCHIVOS[tipo][0]] = leido.registros
    try:
        return DatosSeguimiento(**colecciones)
    except RegistroInconsistente as error:
        lugares = "; ".join(_lugar(r, leidos) for r in error.registros)
        raise RegistroInconsistente(f"{error} ({lugares})", error.registros) from None


def _lugar(registro: object, leidos: dict[str, _Leidos]) -> str:
    """«archivo, línea N» de un registro leído (se busca por identidad: solo ante un error).
    Todo registro de `DatosSeguimiento` aquí salió de `leidos` (los cruces nombran solo
    registros de la entrada), así que siempre se encuentra."""
    return next(
        leido.origen(posicion)
        for leido in leidos.values()
        for posicion, candidato in enumerate(leido.registros)
        if candidato is registro
    )


def leer_carpeta(
    carpeta: str | os.PathLike[str] | Traversable,
    *,
    notas: Notas | None = None,
    avance: Avance | None = None,
) -> DatosSeguimiento:
    """Los `DatosSeguimiento` de una carpeta con un archivo por tipo de registro: el CSV
    (`ARCHIVOS`) o el libro de Excel del mismo nombre (``contactos.xlsx``), mezclados como se
    quiera.

    Un archivo que falta es que no hay registros de ese tipo; los nombres se reconocen sin
    importar mayúsculas. Nada se salta en silencio: una carpeta que no existe o sin ninguno
    de los archivos, dos archivos para un tipo (``contactos.csv`` y ``contactos.xlsx``), un
    CSV o un libro de otro nombre (con el nombre parecido como sugerencia: ``contacto.csv`` →
    «¿quiso decir contactos.csv?»), y toda entrada con nombre de registro que no se lee
    (``contactos.txt``, ``contactos.xls``, ``"contactos.csv "``, una carpeta
    ``contactos.csv``, un enlace roto o que sale de la carpeta) son un `DatoInvalido`. Los
    nombres que empiezan por ``.`` o ``~$`` (ocultos, de bloqueo de Office) no cuentan, y un
    informe que escribió esta herramienta (`escrito_por_la_herramienta`) tampoco: se dice en
    `notas`, con la codificación de cada CSV y el título saltado de cada hoja.

    Con varios archivos malos, el error es un `ErroresDeLectura` con el primero de cada uno
    (hasta `LIMITE_ERRORES`). Las contradicciones entre registros son un
    `RegistroInconsistente` que dice el archivo y la línea de cada registro involucrado.

    `avance`, si se da, se llama tras leer cada archivo con su nombre y cuántos registros
    tiene (la línea de comandos lo usa para mostrar el progreso). Cada texto distinto se
    convierte una vez para toda la carpeta (issue 15).
    """
    raiz: Traversable = Path(carpeta) if isinstance(carpeta, str | os.PathLike) else carpeta
    if not raiz.is_dir():
        motivo = "no es una carpeta"
        if isinstance(raiz, Path) and not raiz.exists():
            motivo = "la carpeta no existe"
        raise DatoInvalido(motivo, campo="datos", valor=str(carpeta))
    errores: list[DatoInvalido] = []
    try:
        encontrados = _entradas(raiz, errores, notas)
    except OSError as error:
        motivo = f"no se pudo leer la carpeta: {motivo_de_sistema(error)}"
        raise DatoInvalido(motivo, campo="datos", valor=str(carpeta)) from None
    if not encontrados and not errores:
        raise DatoInvalido(
            "la carpeta no tiene ninguno de los archivos de registros: "
            + ", ".join(ARCHIVOS)
            + " (o los mismos nombres en .xlsx)",
            campo="datos",
            valor=str(carpeta),
        )
    leidos: dict[str, _Leidos] = {}
    memos: dict[Any, Any] = {}
    completo = True
    # Sin el recolector de ciclos en toda la carpeta, no solo en cada CSV: entre un archivo y
    # otro, cada pasada recorría los registros ya leídos (issue 15).
    with _sin_recolector():
        for tipo, entrada in encontrados.items():
            if len(errores) >= LIMITE_ERRORES:
                completo = False  # quedan archivos sin leer
                break
            try:
                leidos[tipo] = _leer_archivo(entrada, tipo, notas, memos)
                if avance is not None:
                    avance(entrada.name, len(leidos[tipo].registros))
            except DatoInvalido as error:
                errores.append(error)
            except OSError as error:
                motivo = f"no se pudo leer: {motivo_de_sistema(error)}"
                errores.append(DatoInvalido(motivo, campo="archivo", valor=entrada.name))
        return _reunir(leidos, errores, completo)


def leer_libro(
    libro: str | os.PathLike[str] | Traversable, *, notas: Notas | None = None
) -> DatosSeguimiento:
    """Los `DatosSeguimiento` de un libro de Excel con una hoja por tipo de registro, con los
    nombres de los archivos sin extensión (``gestores``, ``contactos``…; sin importar
    mayúsculas, tildes ni espacios).

    Una hoja que falta es que no hay registros de ese tipo. Una hoja con un nombre parecido al
    de un tipo (``contacto``) es un error que sugiere el nombre, y también dos hojas para un
    mismo tipo; las demás hojas (instrucciones, listas) no se leen y se dice en `notas`. Un
    libro sin ninguna hoja de registros, o que es un informe de esta herramienta, es un
    `DatoInvalido`.
    """
    ruta: Traversable = Path(libro) if isinstance(libro, str | os.PathLike) else libro
    nombre = ruta.name
    try:
        contenido = ruta.read_bytes()
    except OSError as error:
        raise DatoInvalido(
            f"no se pudo leer: {motivo_de_sistema(error)}", campo="datos", valor=str(libro)
        ) from None
    abierto = xlsx_lector.abrir(contenido, nombre)
    try:
        return _leer_hojas(abierto, nombre, str(libro), notas)
    finally:
        abierto.close()


def _leer_hojas(abierto: Any, nombre: str, ruta: str, notas: Notas | None) -> DatosSeguimiento:
    if xlsx_lector.es_informe(abierto):
        raise DatoInvalido(
            "es un informe de sena-relacionamiento, no un libro de datos",
            campo="datos",
            valor=ruta,
        )
    errores: list[DatoInvalido] = []
    hojas: dict[str, str] = {}
    for hoja in abierto.sheetnames:
        clave = normalizar(hoja.removesuffix(".csv")).replace(" ", "_")
        tipo = xlsx_lector.HOJAS.get(clave)
        if tipo is not None and tipo in hojas:
            errores.append(
                DatoInvalido(
                    f"hay dos hojas para {clave}: {hojas[tipo]} y {hoja}; deje una",
                    campo="hoja",
                    valor=hoja,
                    origen=nombre,
                )
            )
        elif tipo is not None:
            hojas[tipo] = hoja
        elif parecidas := difflib.get_close_matches(clave, list(xlsx_lector.HOJAS), n=1):
            errores.append(
                DatoInvalido(
                    "no es una hoja de registros; ¿quiso decir " + parecidas[0] + "?",
                    campo="hoja",
                    valor=hoja,
                    origen=nombre,
                )
            )
        elif notas is not None:
            notas(f"{nombre}, hoja {hoja}: no es una hoja de registros; no se lee")
    if not hojas and not errores:
        raise DatoInvalido(
            "el libro no tiene ninguna hoja de registros; sus hojas deben llamarse como los "
            "tipos: " + ", ".join(xlsx_lector.HOJAS),
            campo="datos",
            valor=ruta,
        )
    leidos: dict[str, _Leidos] = {}
    for tipo, hoja in hojas.items():
        clase = ARCHIVOS[tipo][1]
        try:
            leidos[tipo] = _Leidos.de_pares(
                xlsx_lector.leer_hoja(abierto[hoja], nombre, hoja, clase, notas)
            )
        except DatoInvalido as error:
            errores.append(error)
        if len(errores) >= LIMITE_ERRORES:
            return _reunir(leidos, errores, completo=False)
    return _reunir(leidos, errores, completo=True)


def leer_datos(
    ruta: str | os.PathLike[str] | Traversable,
    *,
    notas: Notas | None = None,
    avance: Avance | None = None,
) -> DatosSeguimiento:
    """Los `DatosSeguimiento` de `ruta`: una carpeta (`leer_carpeta`) o un libro de Excel
    ``.xlsx`` con una hoja por tipo de registro (`leer_libro`). Otra cosa es un
    `DatoInvalido`."""
    camino: Traversable = Path(ruta) if isinstance(ruta, str | os.PathLike) else ruta
    if camino.is_file():
        if not camino.name.lower().endswith(EXCEL):
            raise DatoInvalido(
                "no es una carpeta ni un libro de Excel (.xlsx): dé la carpeta de los archivos "
                "de registros o un libro con una hoja por tipo",
                campo="datos",
                valor=str(ruta),
            )
        return leer_libro(camino, notas=notas)
    return leer_carpeta(camino, notas=notas, avance=avance)
