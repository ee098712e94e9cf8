"""Los registros excluidos de la vía por columnas (issue 15, R23), rehechos al pedirlos.

La vía por columnas cuenta los excluidos por motivo sin armar un registro por fila. Cuando una
salida los lista uno por uno (el libro), se recogen las consultas de las filas excluidas que
anotó cada gemelo (`tablas._motor.Excluidas`), se vuelven a leer solo esas líneas de cada
archivo y cada una pasa por el mismo conversor de la vía pura (`csv_lector._registro`): los
registros son los que da la vía pura, con su origen «archivo, línea N», y el mismo motivo.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sena_relacionamiento.datos import TIPOS_DE_REGISTRO, Exclusion, clave_de_orden
from sena_relacionamiento.informe import _Exclusiones
from sena_relacionamiento.io import csv_lector
from sena_relacionamiento.io.lector_columnas import Contadas, Fuente, leer_lineas
from sena_relacionamiento.registros import Registro
from sena_relacionamiento.tablas._motor import Excluidas

__all__ = ["PorFilas"]


class PorFilas(Contadas):
    """Los excluidos de la vía por columnas: las cuentas por motivo de inmediato y los
    registros, uno por uno, la primera vez que se piden."""

    __slots__ = ("_excluidas", "_fuentes", "_previos")

    def __init__(
        self,
        cuentas: list[tuple[str, int]],
        excluidas: Sequence[Excluidas],
        fuentes: dict[str, Fuente],
        previos: Iterable[Exclusion],
    ) -> None:
        super().__init__(cuentas)
        self._excluidas = tuple(excluidas)
        self._fuentes = fuentes
        self._previos = tuple(previos)

    def ordenados(self) -> tuple[tuple[str, tuple[Any, ...]], ...]:
        if self._ordenados is None:
            grupos = _Exclusiones(_grupos(self._excluidas, self._fuentes, self._previos))
            self._ordenados = grupos.ordenados()
        return self._ordenados


def _grupos(
    excluidas: Sequence[Excluidas], fuentes: dict[str, Fuente], previos: Iterable[Exclusion]
) -> Iterator[tuple[str, list[Registro]]]:
    """(motivo, registros) en el orden de `informe._consolidar`: por tipo de registro y por
    motivo (alfabético)."""
    import polars as pl

    recogidas = pl.collect_all([e.consulta.to_native() for e in excluidas])
    filas: dict[str, set[int]] = {}
    columnas = []
    for e, marco in zip(excluidas, recogidas, strict=True):
        c = marco.to_dict(as_series=False)
        columnas.append(c)
        filas.setdefault(e.tabla, set()).update(c["_fila"])
    registros = {
        (tabla, fila): registro
        for tabla, numeros in filas.items()
        for fila, registro in _registros(fuentes[tabla], sorted(numeros), pl)
    }
    por_tipo: dict[type, dict[str, list[Registro]]] = {tipo: {} for tipo in TIPOS_DE_REGISTRO}
    for exclusion in previos:
        por_tipo[type(exclusion.registro)].setdefault(exclusion.motivo, []).append(
            exclusion.registro
        )
    for e, c in zip(excluidas, columnas, strict=True):
        de_grupo: dict[str, list[Registro]] = {}
        for fila, m, veces, grupo in zip(
            c["_fila"], c["_m"], c["_veces"], c["_grupo"], strict=True
        ):
            registro = registros[e.tabla, fila]
            motivo = e.motivos[m - 1]
            if e.por_orden:
                de_grupo.setdefault(grupo, []).append(registro)
            else:
                por_tipo[type(registro)].setdefault(motivo, []).extend([registro] * veces)
        for grupo_de_filas in de_grupo.values():
            # Cuenta el primero en el orden de los registros; los demás (uno o más) se excluyen.
            _, *demas = sorted(grupo_de_filas, key=clave_de_orden)
            por_tipo[type(demas[0])].setdefault(e.motivos[0], []).extend(demas)
    for motivos in por_tipo.values():
        for motivo in sorted(motivos):
            yield motivo, motivos[motivo]


def _registros(fuente: Fuente, numeros: list[int], pl: Any) -> Iterator[tuple[int, Registro]]:
    """El registro de cada línea `numeros` del archivo de `fuente`, como lo lee la vía pura."""
    nombre = fuente.ruta.name
    _, lineas = leer_lineas(fuente.ruta.read_bytes(), nombre, pl)
    textos = lineas.gather([n - 1 for n in numeros]).to_list()
    for numero, texto in zip(numeros, textos, strict=True):
        origen = csv_lector._origen(nombre, numero)
        celdas = texto.split(fuente.separador)
        yield (
            numero,
            csv_lector._registro(fuente.clase, fuente.nombres, fuente.obligatorias, celdas, origen),
        )
