"""El informe mensual consolidado: de cada gestor a la regional y a la nación (R22–R25).

`informe(datos, periodo)` calcula los ocho indicadores de la circular para cada gestor, cada
rol, cada una de las 33 regionales y la nación. La consolidación suma numeradores,
denominadores y conteos (nación = Σ regionales; regional = Σ sus gestores + lo que no es de
ningún gestor) y solo al final divide: una razón regional nunca es un promedio de razones
(R22). Todo registro de entrada queda contado en alguna cifra o listado en `excluidos` con su
motivo (R23).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from functools import cached_property
from itertools import groupby
from typing import TYPE_CHECKING, Any, Final, Protocol

import attrs

from sena_relacionamiento._inmutable import MapaFijo
from sena_relacionamiento.datos import (
    TIPOS_DE_REGISTRO,
    DatosSeguimiento,
    Exclusion,
    clave_de_orden,
)
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.indicadores import af, cv, ec, eg, em, ep, pe, sismeg
from sena_relacionamiento.indicadores._base import (
    Ambito,
    Calculo,
    Contexto,
    Criterio,
    Parcial,
    TipoAmbito,
)
from sena_relacionamiento.indicadores._previo import Previo
from sena_relacionamiento.indicadores.resultado import Indicador, Resultado
from sena_relacionamiento.parametros import PARAMETROS_2012, Parametros
from sena_relacionamiento.periodos import Periodo
from sena_relacionamiento.regionales import REGIONALES, ConsultaRegional, Regional, regional
from sena_relacionamiento.registros import (
    Gestor,
)
from sena_relacionamiento.registros import id_gestor as _id_gestor

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]
    import polars

__all__ = ["Informe", "Tablero", "informe"]

CLAVE_NACIONAL: Final = "CO"


COLUMNAS_FILAS: Final = (
    "ambito",
    "clave",
    "indicador",
    "inicio",
    "fin",
    "valor",
    "meta",
    "numerador",
    "denominador",
    "estado",
    "semaforo",
)
"""Las claves de cada fila de `Informe.filas()`, en orden."""


class _Modulo(Protocol):
    """Lo que da cada módulo de indicador para un ámbito (ver `indicadores._base`)."""

    def criterio(self, indicador: Indicador, ambito: Ambito, ctx: Contexto) -> Criterio: ...

    def resultado(
        self, indicador: Indicador, parcial: Parcial, ambito: Ambito, ctx: Contexto
    ) -> Resultado: ...


# Indicador → (campo del Tablero, módulo que da su criterio y su Resultado).
_INDICADORES: Final[tuple[tuple[Indicador, str, _Modulo], ...]] = (
    (Indicador.SISMEG_FORMADOS, "sismeg_formados", sismeg),
    (Indicador.SISMEG_EMPLEOS, "sismeg_empleos", sismeg),
    (Indicador.EC, "ec", ec),
    (Indicador.EP, "ep", ep),
    (Indicador.EG, "eg", eg),
    (Indicador.AF, "af", af),
    (Indicador.CV, "cv", cv),
    (Indicador.EM, "em", em),
    (Indicador.PE, "pe", pe),
)


def _razones() -> frozenset[Indicador]:
    """Los indicadores que son razones (numerador / denominador, `Decimal`), según su
    criterio (R24): no dependen del ámbito ni del periodo."""
    ctx = Contexto.de(Periodo(PARAMETROS_2012.vigencia, 1), PARAMETROS_2012)
    nacional = Ambito(TipoAmbito.NACIONAL, CLAVE_NACIONAL)
    return frozenset(i for i, _, m in _INDICADORES if m.criterio(i, nacional, ctx).razon)


RAZONES: Final = _razones()
"""Los indicadores cuyo valor es una razón (`Decimal`); los demás son conteos (`int`)."""


@attrs.frozen(kw_only=True)
class Tablero:
    """Los resultados de un ámbito (la nación, un rol, una regional o un gestor).

    `rol` es el del rol o del gestor y `regional` la de la regional o del gestor; `None` donde
    no aplica.
    """

    ambito: TipoAmbito
    clave: str
    nombre: str
    rol: Rol | None = None
    regional: Regional | None = None
    sismeg_formados: Resultado
    sismeg_empleos: Resultado
    ec: Resultado
    ep: Resultado
    eg: Resultado
    af: Resultado
    cv: Resultado
    em: Resultado
    pe: Resultado

    @property
    def resultados(self) -> tuple[Resultado, ...]:
        """Los nueve resultados, en el orden de `Indicador`."""
        return tuple(getattr(self, campo) for _, campo, _ in _INDICADORES)

    def filas(self) -> list[dict[str, Any]]:
        """Una fila (dict plano) por indicador; ver `Informe.filas`."""
        return [_fila(self, r) for r in self.resultados]

    def _repr_html_(self) -> str:
        """La tabla HTML del tablero en un cuaderno (Jupyter), sin dependencias extra."""
        # Única referencia hacia la capa de presentación: se importa al mostrar, no al cargar.
        from sena_relacionamiento.io.pagina_html import tablero_html

        return tablero_html(self)


def _fila(tablero: Tablero, resultado: Resultado) -> dict[str, Any]:
    valores = (
        tablero.ambito.name.lower(),
        tablero.clave,
        resultado.indicador.name,
        resultado.inicio,
        resultado.fin,
        resultado.valor,
        resultado.meta,
        resultado.numerador,
        resultado.denominador,
        resultado.estado.name,
        resultado.semaforo.name if resultado.semaforo else None,
    )
    return dict(zip(COLUMNAS_FILAS, valores, strict=True))


class _Exclusiones:
    """Los registros excluidos, por motivo (R23), en el orden de `Informe.excluidos`.

    Los registros de cada motivo se ordenan por `clave_de_orden` la primera vez que se piden,
    no al calcular el informe: contarlos (el texto, el JSON, el CSV) no lo necesita, y en un
    año nacional son millones (issue 15). La igualdad y el hash son los del contenido ya
    ordenado, así que el orden de la entrada no cambia nada.
    """

    __slots__ = ("_grupos", "_ordenados")

    def __init__(self, grupos: Iterable[tuple[str, Iterable[Any]]]) -> None:
        try:
            self._grupos = tuple((motivo, tuple(registros)) for motivo, registros in grupos)
        except (TypeError, ValueError):
            raise DatoInvalido(
                "se esperaba una colección de pares (motivo, registros)",
                campo="exclusiones",
                valor=grupos,
            ) from None
        self._ordenados: tuple[tuple[str, tuple[Any, ...]], ...] | None = None

    def cuentas(self) -> Iterator[tuple[str, int]]:
        """(motivo, cuántos), sin ordenar los registros."""
        return ((motivo, len(registros)) for motivo, registros in self._grupos)

    def ordenados(self) -> tuple[tuple[str, tuple[Any, ...]], ...]:
        if self._ordenados is None:
            self._ordenados = tuple(
                (motivo, tuple(sorted(registros, key=clave_de_orden)))
                for motivo, registros in self._grupos
            )
        return self._ordenados

    def __eq__(self, otro: object) -> bool:
        return isinstance(otro, _Exclusiones) and self.ordenados() == otro.ordenados()

    def __hash__(self) -> int:
        return hash(self.ordenados())


def _c_exclusiones(valor: _Exclusiones | Iterable[tuple[str, Iterable[Any]]]) -> _Exclusiones:
    return valor if isinstance(valor, _Exclusiones) else _Exclusiones(valor)


@attrs.frozen(kw_only=True, repr=False)
class Informe:
    """El informe de un periodo (R22–R25): tableros por ámbito y los excluidos (R23).

    Su `repr` es corto: el periodo, cuántos ámbitos, cuántos registros de entrada y cuántos
    excluidos por motivo. `registros` es el número de registros de entrada (R23).
    """

    periodo: Periodo
    parametros: Parametros
    nacional: Tablero
    roles: MapaFijo[Rol, Tablero]
    regionales: MapaFijo[str, Tablero]
    gestores: MapaFijo[str, Tablero]
    _exclusiones: _Exclusiones = attrs.field(alias="exclusiones", converter=_c_exclusiones)
    registros: int | None = attrs.field(default=None, eq=False)

    def regional(self, consulta: ConsultaRegional) -> Tablero:
        """El tablero de una regional (cualquier cosa que `regional()` acepte)."""
        return self.regionales[regional(consulta).codigo]

    def gestor(self, id_gestor: str | Gestor) -> Tablero:
        """El tablero de un gestor, por su id (normalizado como en los registros: sin espacios
        sobrantes) o por el `Gestor`; un id desconocido o que no es texto es un
        `DatoInvalido`."""
        tablero = self.gestores.get(_id_gestor(id_gestor))
        if tablero is None:
            raise DatoInvalido(
                "no hay un gestor con ese id en los datos", campo="gestor", valor=id_gestor
            )
        return tablero

    def rol(self, consulta: Rol | str) -> Tablero:
        """El tablero de un rol (`Rol` o su nombre o etiqueta)."""
        return self.roles[Rol.de(consulta, "rol")]

    @property
    def tableros(self) -> Iterator[Tablero]:
        """Todos los tableros: nación, roles, regionales y gestores."""
        yield self.nacional
        yield from self.roles.values()
        yield from self.regionales.values()
        yield from self.gestores.values()

    @cached_property
    def excluidos(self) -> tuple[Exclusion, ...]:
        """Cada registro dejado fuera, con su motivo (R23), en un orden que no depende del de
        la entrada: por tipo de registro (el orden de las colecciones de `DatosSeguimiento`),
        por motivo (alfabético) y por `clave_de_orden` (la fecha y luego los campos)."""
        return tuple(
            Exclusion(registro, motivo)
            for motivo, registros in self._exclusiones.ordenados()
            for registro in registros
        )

    def resumen_excluidos(self) -> Mapping[str, int]:
        """Cuántos registros se excluyeron por cada motivo."""
        resumen: dict[str, int] = {}
        for motivo, cuantos in self._exclusiones.cuentas():
            resumen[motivo] = resumen.get(motivo, 0) + cuantos
        return MapaFijo(resumen)

    def _repr_html_(self) -> str:
        """Las tablas HTML nacional y regionales en un cuaderno, sin dependencias extra."""
        from sena_relacionamiento.io.pagina_html import informe_html

        return informe_html(self)

    def filas(self) -> list[dict[str, Any]]:
        """Una fila plana por (ámbito, indicador), lista para `pandas.DataFrame(...)` o un
        escritor CSV: claves ``ambito``, ``clave``, ``indicador``, ``inicio``, ``fin``,
        ``valor``, ``meta``, ``numerador``, ``denominador``, ``estado``, ``semaforo``."""
        return [fila for tablero in self.tableros for fila in tablero.filas()]

    def a_pandas(self) -> pandas.DataFrame:
        """Las filas como `pandas.DataFrame` con tipos reales: fechas como fechas, conteos
        enteros con nulos y razones como decimales exactos (pyarrow). Sin pandas o pyarrow
        instalados, `DependenciaFaltante`."""
        from sena_relacionamiento.io.dataframes import a_pandas

        return a_pandas(self.filas())

    def a_polars(self) -> polars.DataFrame:
        """Las filas como `polars.DataFrame` con tipos reales: ``Date``, enteros con nulos y
        ``Decimal`` exacto. Sin polars instalado, `DependenciaFaltante`."""
        from sena_relacionamiento.io.dataframes import a_polars

        return a_polars(self.filas())

    def __repr__(self) -> str:
        con_datos = sum(
            any(r.denominador or r.numerador for r in t.resultados)
            for t in self.regionales.values()
        )
        resumen = {m: n for m, n in sorted(self.resumen_excluidos().items()) if n}
        total = sum(resumen.values())
        motivos = "".join(f"; {m}: {n}" for m, n in resumen.items())
        registros = "" if self.registros is None else f"{self.registros} registros, "
        return (
            f"<Informe {self.periodo} ({self.periodo.inicio.isoformat()} a "
            f"{self.periodo.fin.isoformat()}): {len(self.regionales)} regionales "
            f"({con_datos} con datos), {len(self.gestores)} gestores, {len(self.roles)} roles; "
            f"{registros}{total} excluidos{motivos}>"
        )


def informe(
    datos: DatosSeguimiento, periodo: Periodo, *, parametros: Parametros = PARAMETROS_2012
) -> Informe:
    """El informe consolidado del periodo `periodo` (R13–R25).

    El día de corte del periodo debe ser el de los parámetros y su año el de la vigencia de
    los parámetros; si no, es un `DatoInvalido` (no se mezclan cortes ni metas de otro año).
    """
    if not isinstance(datos, DatosSeguimiento):
        raise DatoInvalido("se esperaba un DatosSeguimiento", campo="datos", valor=datos)
    ctx = Contexto.de(periodo, parametros)
    return _consolidar(datos, ctx, _calcular(datos, ctx))


def _calcular(
    datos: DatosSeguimiento, ctx: Contexto, previo: Previo | None = None
) -> dict[Indicador, Calculo]:
    """El `Calculo` de cada indicador (SISMEG da los dos suyos) sobre los registros; `previo`,
    lo que una serie prepara una vez para todos sus periodos."""
    calculo_ec = ec.calcular(datos, ctx, previo)
    contactadas = {g: set(p.lista("contactadas")) for g, p in calculo_ec.por_gestor.items()}
    calculos: dict[Indicador, Calculo] = {
        Indicador.SISMEG_FORMADOS: sismeg.calcular(datos, ctx),
        Indicador.EC: calculo_ec,
        Indicador.EP: ep.calcular(datos, ctx, contactadas, previo),
        Indicador.EG: eg.calcular(datos, ctx),
        Indicador.AF: af.calcular(datos, ctx),
        Indicador.CV: cv.calcular(datos, ctx),
        Indicador.EM: em.calcular(datos, ctx),
        Indicador.PE: pe.calcular(datos, ctx),
    }
    calculos[Indicador.SISMEG_EMPLEOS] = calculos[Indicador.SISMEG_FORMADOS]
    return calculos


_Sumas = list[tuple[Ambito, str, Mapping[Indicador, Parcial]]]


def _sumar(gestores: Mapping[str, Gestor], calculos: Mapping[Indicador, Calculo]) -> _Sumas:
    """Cada ámbito con su nombre y su parcial ya consolidado por indicador, en el orden de
    `Informe.tableros`: la nación, los roles, las regionales y los gestores (por id). Un rol
    suma sus gestores; una regional, sus gestores y lo que no es de ningún gestor; la nación,
    las regionales (R22)."""
    nacional = {i: Parcial() for i in calculos}
    por_rol = {rol: {i: Parcial() for i in calculos} for rol in Rol}
    por_regional = {r.codigo: {i: Parcial() for i in calculos} for r in REGIONALES}
    de_gestores: _Sumas = []
    vacio = Parcial()  # solo se lee: el parcial de un gestor sin registros
    for id_gestor in sorted(gestores):
        g = gestores[id_gestor]
        parciales = {i: c.por_gestor.get(id_gestor, vacio) for i, c in calculos.items()}
        rol, region = por_rol[g.rol], por_regional[g.regional.codigo]
        for indicador, parcial in parciales.items():
            rol[indicador].sumar(parcial)
            region[indicador].sumar(parcial)
        de_gestores.append(
            (
                Ambito(TipoAmbito.GESTOR, id_gestor, g.rol, g.regional),
                g.nombre or id_gestor,
                parciales,
            )
        )
    de_regionales: _Sumas = []
    for r in REGIONALES:
        parciales = por_regional[r.codigo]
        for indicador, calculo in calculos.items():
            sin_gestor = calculo.sin_gestor.get(r.codigo)
            if sin_gestor is not None:
                parciales[indicador].sumar(sin_gestor)
            nacional[indicador].sumar(parciales[indicador])
        de_regionales.append(
            (Ambito(TipoAmbito.REGIONAL, r.codigo, regional=r), r.nombre, parciales)
        )
    return [
        (Ambito(TipoAmbito.NACIONAL, CLAVE_NACIONAL), "Colombia", nacional),
        *((Ambito(TipoAmbito.ROL, rol.name, rol), rol.etiqueta, por_rol[rol]) for rol in Rol),
        *de_regionales,
        *de_gestores,
    ]


def _consolidar(
    datos: DatosSeguimiento, ctx: Contexto, calculos: Mapping[Indicador, Calculo]
) -> Informe:
    tableros: dict[TipoAmbito, dict[Any, Tablero]] = {tipo: {} for tipo in TipoAmbito}
    for ambito, nombre, parciales in _sumar(datos.indice.gestores, calculos):
        clave = ambito.rol if ambito.tipo is TipoAmbito.ROL else ambito.clave
        tableros[ambito.tipo][clave] = _tablero(ambito, nombre, parciales, ctx)
    # Los excluidos en un orden que no depende del de la entrada: por tipo de registro (el de
    # las colecciones de `DatosSeguimiento`), luego por motivo y luego `clave_de_orden`.
    por_tipo: dict[type, dict[str, list[Any]]] = {tipo: {} for tipo in TIPOS_DE_REGISTRO}
    for e in datos.excluidos:
        por_tipo[type(e.registro)].setdefault(e.motivo, []).append(e.registro)
    vistos: set[int] = set()
    for calculo in calculos.values():
        if id(calculo) not in vistos:
            vistos.add(id(calculo))
            for motivo, registros in calculo.excluidos.items():
                for tipo, grupo in groupby(registros, key=type):  # en C: son millones
                    por_tipo[tipo].setdefault(motivo, []).extend(grupo)
    exclusiones = _Exclusiones(
        (motivo, motivos[motivo]) for motivos in por_tipo.values() for motivo in sorted(motivos)
    )
    return Informe(
        periodo=ctx.periodo,
        parametros=ctx.parametros,
        nacional=tableros[TipoAmbito.NACIONAL][CLAVE_NACIONAL],
        roles=MapaFijo(tableros[TipoAmbito.ROL]),
        regionales=MapaFijo(tableros[TipoAmbito.REGIONAL]),
        gestores=MapaFijo(tableros[TipoAmbito.GESTOR]),
        exclusiones=exclusiones,
        registros=sum(len(c) for c in attrs.astuple(datos, recurse=False, filter=_coleccion)),
    )


def _coleccion(atributo: attrs.Attribute[Any], valor: Any) -> bool:
    return atributo.name != "indice"


def _tablero(
    ambito: Ambito, nombre: str, parciales: Mapping[Indicador, Parcial], ctx: Contexto
) -> Tablero:
    campos = {
        campo: modulo.resultado(indicador, parciales[indicador], ambito, ctx)
        for indicador, campo, modulo in _INDICADORES
    }
    return Tablero(
        ambito=ambito.tipo,
        clave=ambito.clave,
        nombre=nombre,
        rol=ambito.rol,
        regional=ambito.regional,
        **campos,
    )
