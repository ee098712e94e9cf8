"""Afirmaciones sobre informes para las suites de pruebas: lanzan `AssertionError` con un
mensaje en español que dice qué cifra falla y dónde.

No necesitan `hypothesis`.

>>> from sena_relacionamiento import informe
>>> from sena_relacionamiento.testing import un_conjunto_de_datos
>>> inf = informe(un_conjunto_de_datos(), PERIODO)
>>> afirmar_informe_consistente(inf, un_conjunto_de_datos())
>>> afirmar_informes_iguales(inf, informe(un_conjunto_de_datos(), PERIODO))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from decimal import Decimal
from fractions import Fraction
from typing import Any, Final

from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.indicadores.resultado import Estado, Indicador, Resultado, Semaforo
from sena_relacionamiento.informe import RAZONES, Informe, Tablero
from sena_relacionamiento.testing.constructores import PERIODO

__all__ = ["PERIODO", "afirmar_informe_consistente", "afirmar_informes_iguales"]

# Campo del `Tablero` → indicador.
_CAMPOS: Final = (
    ("sismeg_formados", Indicador.SISMEG_FORMADOS),
    ("sismeg_empleos", Indicador.SISMEG_EMPLEOS),
    ("ec", Indicador.EC),
    ("ep", Indicador.EP),
    ("eg", Indicador.EG),
    ("af", Indicador.AF),
    ("cv", Indicador.CV),
    ("em", Indicador.EM),
    ("pe", Indicador.PE),
)

# Indicadores con parte «sin gestor» en la regional (R17, R19, R21): allí la regional es la
# suma de sus gestores más un resto no negativo; en los demás es exactamente la suma.
_CON_RESTO: Final = frozenset({Indicador.EG, Indicador.CV, Indicador.PE})

# Razones cuyo valor es una proporción entre 0 y 1.
_PROPORCIONES: Final = frozenset({Indicador.EC, Indicador.EG, Indicador.EM})
_RAZONES: Final = RAZONES

# Claves aditivas del detalle de cada indicador (R14–R21).
_DETALLE_ADITIVO: Final[Mapping[Indicador, tuple[str, ...]]] = {
    Indicador.EC: ("fuera_de_cartera",),
    Indicador.EP: ("empresas_con_2_servicios",),
    Indicador.AF: ("valor_pesos", "cantidad_anio", "valor_pesos_anio"),
    Indicador.CV: ("incremento_mes", "dentro_de_cuota"),
    Indicador.PE: ("asistentes", "eventos_anio", "asistentes_anio"),
}

_MAXIMO_DE_PROBLEMAS: Final = 20


def _aditivos(resultado: Resultado) -> Counter[str]:
    """Las cifras aditivas de un resultado (numerador, denominador, cuentas del detalle)."""
    cifras: Counter[str] = Counter()
    cifras["numerador"] += resultado.numerador  # type: ignore[assignment]
    cifras["denominador"] += resultado.denominador or 0
    detalle = resultado.detalle
    for clave in _DETALLE_ADITIVO.get(resultado.indicador, ()):
        cifras[clave] += detalle.get(clave, 0)
    if resultado.indicador is Indicador.EC and "por_tipo_y_medio" in detalle:
        for tipo, medios in detalle["por_tipo_y_medio"].items():
            for medio, n in medios.items():
                cifras[f"por_tipo_y_medio[{tipo}][{medio}]"] += n
    return cifras


def _sumar(resultados: Iterable[Resultado]) -> Counter[str]:
    total: Counter[str] = Counter()
    for resultado in resultados:
        for clave, valor in _aditivos(resultado).items():
            total[clave] += valor
    return total


def _nombre(tablero: Tablero) -> str:
    return f"{tablero.ambito.name.lower()} {tablero.clave}"


def _comparar_sumas(
    problemas: list[str],
    que: str,
    total: Counter[str],
    partes: Counter[str],
    *,
    con_resto: bool,
) -> None:
    for clave in sorted(set(total) | set(partes)):
        t, p = total[clave], partes[clave]
        if con_resto and t < p:
            problemas.append(f"{que}: {clave} = {t} es menor que la suma de sus gestores ({p})")
        elif not con_resto and t != p:
            problemas.append(f"{que}: {clave} = {t}, pero la suma de sus partes es {p}")


def _revisar_resultado(
    problemas: list[str], donde: str, resultado: Resultado, informe: Informe
) -> None:
    indicador = resultado.indicador
    que = f"{donde}, {indicador.name}"
    if resultado.fin != informe.periodo.fin or resultado.inicio > resultado.fin:
        problemas.append(
            f"{que}: la ventana {resultado.inicio}…{resultado.fin} no termina en el corte "
            f"{informe.periodo.fin}"
        )
    estado, valor, meta = resultado.estado, resultado.valor, resultado.meta
    if (estado is Estado.SIN_DATOS) != (valor is None):
        problemas.append(f"{que}: estado {estado.name} con valor {valor!r}")
    if (resultado.semaforo is None) != (estado in (Estado.SIN_DATOS, Estado.SIN_META)):
        problemas.append(f"{que}: estado {estado.name} con semáforo {resultado.semaforo}")
    sin_meta = estado in (Estado.SIN_META, Estado.SIN_DATOS)
    if (meta is None and not sin_meta) or (meta is not None and estado is Estado.SIN_META):
        problemas.append(f"{que}: estado {estado.name} con meta {meta!r}")
    if indicador in _RAZONES:
        numerador, denominador = resultado.numerador, resultado.denominador
        if denominador is None or denominador < 0 or numerador < 0:
            problemas.append(f"{que}: términos inválidos {numerador!r}/{denominador!r}")
            return
        if (denominador == 0) != (estado is Estado.SIN_DATOS):
            problemas.append(f"{que}: denominador {denominador} con estado {estado.name}")
        if indicador in _PROPORCIONES and numerador > denominador:
            problemas.append(f"{que}: el numerador {numerador} supera al denominador")
        if valor is not None and denominador and valor != Decimal(numerador) / denominador:
            problemas.append(f"{que}: el valor {valor} no es {numerador}/{denominador}")
    else:
        if resultado.denominador is not None or valor != resultado.numerador:
            problemas.append(f"{que}: un conteo debe tener valor = numerador y sin denominador")
        if resultado.numerador < 0:
            problemas.append(f"{que}: conteo negativo {resultado.numerador}")
    if valor is None or meta is None:
        return
    logrado, objetivo = Fraction(valor), Fraction(meta)
    cumple = logrado <= objetivo if indicador is Indicador.EM else logrado >= objetivo
    if (estado is Estado.CUMPLE and not cumple) or (estado is Estado.NO_CUMPLE and cumple):
        problemas.append(f"{que}: estado {estado.name} con valor {valor} y meta {meta}")
    if indicador is Indicador.EM and (resultado.semaforo is Semaforo.VERDE) != cumple:
        problemas.append(f"{que}: semáforo {resultado.semaforo} con valor {valor} y techo {meta}")


def _resultado(tablero: Tablero, campo: str) -> Resultado:
    resultado: Resultado = getattr(tablero, campo)
    return resultado


def _problemas(informe: Informe, datos: DatosSeguimiento | None) -> list[str]:
    problemas: list[str] = []
    for tablero in informe.tableros:
        for campo, indicador in _CAMPOS:
            resultado = _resultado(tablero, campo)
            if resultado.indicador is not indicador:
                problemas.append(f"{_nombre(tablero)}: {campo} trae {resultado.indicador.name}")
            _revisar_resultado(problemas, _nombre(tablero), resultado, informe)
    if datos is not None:
        for gestor in datos.indice.gestores.values():
            if gestor.id not in informe.gestores:
                problemas.append(f"el gestor {gestor.id!r} de los datos no tiene tablero")
    gestores_de: dict[str, list[Tablero]] = {codigo: [] for codigo in informe.regionales}
    for del_gestor in informe.gestores.values():
        if del_gestor.regional is None:
            problemas.append(f"el tablero del gestor {del_gestor.clave!r} no dice su regional")
        else:
            gestores_de[del_gestor.regional.codigo].append(del_gestor)
    for campo, indicador in _CAMPOS:
        regionales = [_resultado(t, campo) for t in informe.regionales.values()]
        _comparar_sumas(
            problemas,
            f"nacional, {indicador.name}",
            _aditivos(_resultado(informe.nacional, campo)),
            _sumar(regionales),
            con_resto=False,
        )
        todos = [_resultado(t, campo) for t in informe.gestores.values()]
        _comparar_sumas(
            problemas,
            f"roles, {indicador.name}",
            _sumar(_resultado(t, campo) for t in informe.roles.values()),
            _sumar(todos),
            con_resto=False,
        )
        _comparar_sumas(
            problemas,
            f"nacional frente a sus gestores, {indicador.name}",
            _aditivos(_resultado(informe.nacional, campo)),
            _sumar(todos),
            con_resto=indicador in _CON_RESTO,
        )
        for codigo, gestores in gestores_de.items():
            _comparar_sumas(
                problemas,
                f"regional {codigo}, {indicador.name}",
                _aditivos(_resultado(informe.regionales[codigo], campo)),
                _sumar(_resultado(t, campo) for t in gestores),
                con_resto=indicador in _CON_RESTO,
            )
    return problemas


def afirmar_informe_consistente(informe: Informe, datos: DatosSeguimiento | None = None) -> None:
    """Afirma que el informe es coherente consigo mismo (R22–R25).

    - Nación = Σ regionales y Σ roles = Σ gestores en cada cifra aditiva (numerador,
      denominador y cuentas del detalle: contactos fuera de cartera, contactos por tipo y medio,
      ambientes y su valor, contratos dentro de cuota e incremento del mes, asistentes…).
    - Nación = Σ gestores en EC, EP, EM, AF y SISMEG; en EG, CV y PE la nación es la suma de
      los gestores más lo que no es de ningún gestor (un resto no negativo).
    - Lo mismo por regional, con la regional que trae el tablero de cada gestor: regional =
      Σ sus gestores (+ el resto sin gestor en EG, CV y PE).
    - Si se dan los `datos` del informe, además, que cada gestor de los datos tenga tablero.
    - Razones: valor = numerador / denominador; EC, EG y EM entre 0 y 1; `SIN_DATOS` si y solo
      si el denominador es 0 (y entonces el valor es `None`). Conteos: valor = numerador ≥ 0.
    - Estado coherente: `SIN_META` sin meta; `CUMPLE`/`NO_CUMPLE` según el valor frente a la
      meta (un techo en EM); semáforo solo cuando hay meta y datos; ventana que termina en el
      corte.

    Lanza `AssertionError` con la lista de problemas (hasta 20) si algo no cuadra.
    """
    if not isinstance(informe, Informe):
        raise AssertionError(f"se esperaba un Informe, se recibió {type(informe).__name__}")
    if datos is not None and not isinstance(datos, DatosSeguimiento):
        raise AssertionError(f"se esperaba un DatosSeguimiento, se recibió {type(datos).__name__}")
    problemas = _problemas(informe, datos)
    if problemas:
        lista = "\n".join(f"  - {p}" for p in problemas[:_MAXIMO_DE_PROBLEMAS])
        resto = len(problemas) - _MAXIMO_DE_PROBLEMAS
        if resto > 0:
            lista += f"\n  … y {resto} problemas más"
        raise AssertionError(
            f"el informe de {informe.periodo} no es consistente ({len(problemas)} problemas):\n"
            + lista
        )


def _clave(fila: Mapping[str, Any]) -> tuple[str, str, str]:
    return (str(fila["ambito"]), str(fila["clave"]), str(fila["indicador"]))


def afirmar_informes_iguales(a: Informe, b: Informe) -> None:
    """Afirma que dos informes dan las mismas filas (`Informe.filas()`) y los mismos
    excluidos por motivo (`Informe.resumen_excluidos()`).

    Si difieren, el `AssertionError` dice, fila por fila (ámbito, clave, indicador), qué campos
    cambian, con el valor del primero y del segundo, y qué filas están en uno solo.

    >>> from sena_relacionamiento import informe
    >>> from sena_relacionamiento.testing import un_conjunto_de_datos
    >>> a = informe(un_conjunto_de_datos(semilla=1), PERIODO)
    >>> b = informe(un_conjunto_de_datos(semilla=2), PERIODO)
    >>> afirmar_informes_iguales(a, b)
    Traceback (most recent call last):
    ...
    AssertionError: los informes difieren en ... filas:
    ...
    """
    for nombre, valor in (("primero", a), ("segundo", b)):
        if not isinstance(valor, Informe):
            raise AssertionError(f"el {nombre} no es un Informe: se recibió {type(valor).__name__}")
    diferencias: list[str] = []
    if a.periodo != b.periodo:
        diferencias.append(f"  periodo: {a.periodo} ≠ {b.periodo}")
    filas_a = {_clave(f): f for f in a.filas()}
    filas_b = {_clave(f): f for f in b.filas()}
    cambiadas = 0
    for clave in sorted(set(filas_a) | set(filas_b)):
        nombre = " ".join(clave)
        if clave not in filas_b:
            diferencias.append(f"  {nombre}: solo está en el primero")
        elif clave not in filas_a:
            diferencias.append(f"  {nombre}: solo está en el segundo")
        else:
            fa, fb = filas_a[clave], filas_b[clave]
            campos = [
                f"{campo}: {fa.get(campo)!r} ≠ {fb.get(campo)!r}"
                for campo in sorted(set(fa) | set(fb))
                if fa.get(campo) != fb.get(campo)
            ]
            if not campos:
                continue
            diferencias.append(f"  {nombre}: " + "; ".join(campos))
        cambiadas += 1
    resumen_a, resumen_b = dict(a.resumen_excluidos()), dict(b.resumen_excluidos())
    if resumen_a != resumen_b:
        diferencias.append(f"  excluidos por motivo: {resumen_a!r} ≠ {resumen_b!r}")
    if diferencias:
        lista = "\n".join(diferencias[:_MAXIMO_DE_PROBLEMAS])
        resto = len(diferencias) - _MAXIMO_DE_PROBLEMAS
        if resto > 0:
            lista += f"\n  … y {resto} diferencias más"
        raise AssertionError(f"los informes difieren en {cambiadas} filas:\n{lista}")
