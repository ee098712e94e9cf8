"""El informe (R22–R25, API «Indicators and the report»).

Por las dos vías donde hay un informe.

Cada caso está calculado a mano en el comentario o en el nombre de la prueba: las cifras
esperadas no salen del código que se prueba. Cada caso que arma un informe corre por las dos
vías (fixture `via`, tests/_vias.py): `informe()` sobre registros y `informe_tabular` sobre
tablas polars. Periodos de 2012 con corte 25 (R8–R9): marzo va del 2012-02-26 al 2012-03-25 y
su trimestre (T1) del 2011-12-26 al 2012-03-25; junio va del 2012-05-26 al 2012-06-25 y su
trimestre (T2) del 2012-03-26 al 2012-06-25; la vigencia va del 2011-12-26 al 2012-12-25.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import attrs
import pytest
from _constructores import (
    ANA,
    HUILA,
    LUIS,
    asignar,
    contactar,
    datos,
    gestor,
    nits,
)
from _vias import Via
from test_indicador_cv import _informe_cv
from test_indicador_sismeg import _informe_sismeg

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    Asignacion,
    Contacto,
    DatoInvalido,
    Estado,
    Gestor,
    Indicador,
    Motivo,
    Periodo,
    RegionalDesconocida,
    Rol,
    Semaforo,
    TipoAmbito,
    informe,
    regional,
)


def test_informe_rechaza_un_periodo_con_otro_dia_de_corte(via: Via) -> None:
    with pytest.raises(DatoInvalido, match="día 20") as error:
        via.informe(datos([ANA]), Periodo(2012, 3, dia_corte=20))
    assert error.value.campo == "periodo"


@pytest.mark.parametrize("periodo", [Periodo(2013, 1), Periodo(2011, 12)])
def test_informe_rechaza_un_periodo_de_otra_vigencia(via: Via, periodo: Periodo) -> None:
    with pytest.raises(DatoInvalido, match="vigencia 2012") as error:
        via.informe(datos([ANA]), periodo)
    assert error.value.campo == "periodo"


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"datos": "datos", "periodo": Periodo(2012, 3)}, "datos"),
        ({"datos": None, "periodo": Periodo(2012, 3)}, "datos"),
        ({"datos": datos([ANA]), "periodo": "2012-03"}, "periodo"),
        ({"datos": datos([ANA]), "periodo": date(2012, 3, 25)}, "periodo"),
        ({"datos": datos([ANA]), "periodo": Periodo(2012, 3), "parametros": {}}, "parametros"),
    ],
)
def test_informe_rechaza_argumentos_de_otro_tipo(argumentos: dict[str, Any], campo: str) -> None:
    with pytest.raises(DatoInvalido) as error:
        informe(**argumentos)
    assert error.value.campo == campo


def test_informe_rechaza_datos_de_otro_tipo_diciendo_el_valor() -> None:
    malo: Any = "x"
    with pytest.raises(DatoInvalido) as error:
        informe(malo, Periodo(2012, 3))
    assert str(error.value) == "datos: se esperaba un DatosSeguimiento (se recibió 'x')"


def test_informe_con_otro_dia_de_corte_en_los_parametros(via: Via) -> None:
    parametros = attrs.evolve(PARAMETROS_2012, dia_corte=20)
    periodo = Periodo(2012, 3, dia_corte=20)
    empresas = nits(10)
    d = datos(
        [ANA],
        asignar("ana", empresas),
        contactos=contactar("ana", empresas[:9], date(2012, 3, 20))
        + contactar("ana", empresas[9:], date(2012, 3, 21)),
    )
    inf = via.informe(d, periodo, parametros=parametros)
    ec = inf.gestor("ana").ec
    assert (ec.inicio, ec.fin) == (date(2011, 12, 21), date(2012, 3, 20))
    assert (ec.numerador, ec.estado) == (9, Estado.CUMPLE)
    assert inf.periodo == periodo
    assert inf.parametros is parametros


def test_informe_tablero_de_una_regional_por_cualquier_consulta(via: Via) -> None:
    inf = via.informe_de([ANA])
    huila = inf.regional("Huila")
    assert (huila.ambito, huila.clave, huila.nombre) == (TipoAmbito.REGIONAL, "41", "Huila")
    assert inf.regional("huila") is huila
    assert inf.regional(41) is huila
    assert inf.regional(regional("41")) is huila
    assert inf.regional("Regional Huila") is huila
    with pytest.raises(RegionalDesconocida):
        inf.regional("Atlantis")
    with pytest.raises(DatoInvalido):
        inf.regional(None)  # type: ignore[arg-type]


def test_informe_tablero_de_un_gestor_desconocido_es_dato_invalido(via: Via) -> None:
    inf = via.informe_de([ANA])
    assert inf.gestor("ana").clave == "ana"
    assert inf.gestor(" ana ") is inf.gestor("ana")
    assert inf.gestor(ANA) is inf.gestor("ana")
    for consulta in ("x", "", 5, None):
        with pytest.raises(DatoInvalido) as error:
            inf.gestor(consulta)  # type: ignore[arg-type]
        assert error.value.campo == "gestor"


def test_informe_tablero_de_un_rol(via: Via) -> None:
    inf = via.informe_de([ANA, LUIS])
    estrategico = inf.rol("Estratégico")
    assert (estrategico.ambito, estrategico.clave, estrategico.nombre) == (
        TipoAmbito.ROL,
        "ESTRATEGICO",
        "Estratégico",
    )
    assert inf.rol(Rol.ESTRATEGICO) is estrategico
    assert inf.rol("ESTRATEGICO") is estrategico
    assert inf.rol("empresarial").clave == "EMPRESARIAL"
    with pytest.raises(DatoInvalido):
        inf.rol("coordinador")


def test_informe_toda_regional_del_catalogo_tiene_tablero(via: Via) -> None:
    inf = via.informe_de([ANA], asignar("ana", nits(3)))
    assert list(inf.regionales) == [r.codigo for r in REGIONALES]
    for r in REGIONALES:
        tablero = inf.regional(r)
        assert (tablero.clave, tablero.nombre) == (r.codigo, r.nombre)
        assert tablero.cv.meta == PARAMETROS_2012.metas_cv[r.codigo]
        assert tablero.em.detalle["tope_publicado"] == PARAMETROS_2012.topes_em[r.codigo]
        if r.codigo != HUILA:
            assert tablero.ec.estado is Estado.SIN_DATOS
            assert tablero.ec.valor is None
    assert inf.regional("Huila").ec.denominador == 3
    assert inf.nacional.clave == "CO"
    assert inf.nacional.nombre == "Colombia"
    assert inf.nacional.ambito is TipoAmbito.NACIONAL


def test_informe_tableros_en_orden_nacion_roles_regionales_gestores(via: Via) -> None:
    inf = via.informe_de([LUIS, ANA])
    tableros = list(inf.tableros)
    assert len(tableros) == 1 + 2 + 33 + 2
    assert [t.ambito for t in tableros[:4]] == [
        TipoAmbito.NACIONAL,
        TipoAmbito.ROL,
        TipoAmbito.ROL,
        TipoAmbito.REGIONAL,
    ]
    assert [t.clave for t in tableros[-2:]] == ["ana", "luis"]
    assert [r.indicador for r in inf.nacional.resultados] == list(Indicador)


TIPOS_DE_NUMERO = (int, Decimal)


def test_filas_planas_con_claves_y_tipos_de_la_api(via: Via) -> None:
    inf = _informe_cv(via)
    filas = inf.filas()
    assert len(filas) == (1 + 2 + 33 + 3) * 9
    claves = {
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
    }
    for fila in filas:
        assert set(fila) == claves
        assert fila["ambito"] in {"nacional", "rol", "regional", "gestor"}
        assert fila["indicador"] in Indicador.__members__
        assert fila["estado"] in Estado.__members__
        assert fila["semaforo"] is None or fila["semaforo"] in Semaforo.__members__
        assert type(fila["inicio"]) is date
        assert type(fila["fin"]) is date
        for clave in ("valor", "meta", "denominador"):
            assert fila[clave] is None or type(fila[clave]) in TIPOS_DE_NUMERO, fila
        assert type(fila["numerador"]) in TIPOS_DE_NUMERO
    nacion = [f for f in filas if f["ambito"] == "nacional"]
    assert {f["clave"] for f in nacion} == {"CO"}
    assert [f["indicador"] for f in nacion] == [i.name for i in Indicador]
    cv = next(f for f in nacion if f["indicador"] == "CV")
    assert cv == {
        "ambito": "nacional",
        "clave": "CO",
        "indicador": "CV",
        "inicio": date(2011, 12, 26),
        "fin": date(2012, 6, 25),
        "valor": 9,
        "meta": 14_200,
        "numerador": 9,
        "denominador": None,
        "estado": "EN_CURSO",
        "semaforo": "ROJO",
    }
    assert {f["clave"] for f in filas if f["ambito"] == "rol"} == {"ESTRATEGICO", "EMPRESARIAL"}
    assert {f["clave"] for f in filas if f["ambito"] == "gestor"} == {"ana", "luis", "pepe"}
    regionales = {f["clave"] for f in filas if f["ambito"] == "regional"}
    assert regionales == {r.codigo for r in REGIONALES}
    ec_huila = next(
        f for f in filas if (f["ambito"], f["clave"], f["indicador"]) == ("regional", "41", "EC")
    )
    assert (ec_huila["valor"], ec_huila["numerador"], ec_huila["denominador"]) == (
        Decimal(0),
        0,
        2,
    )
    assert (ec_huila["estado"], ec_huila["semaforo"], ec_huila["meta"]) == (
        "NO_CUMPLE",
        "ROJO",
        Decimal("0.90"),
    )
    ec_antioquia = next(
        f for f in filas if (f["ambito"], f["clave"], f["indicador"]) == ("regional", "05", "EC")
    )
    assert (ec_antioquia["valor"], ec_antioquia["estado"], ec_antioquia["semaforo"]) == (
        None,
        "SIN_DATOS",
        None,
    )
    assert inf.regional("Huila").filas() == [
        f for f in filas if (f["ambito"], f["clave"]) == ("regional", "41")
    ]


def test_r23_excluidos_y_resumen_por_motivo(via: Via) -> None:
    inf = _informe_sismeg(via)
    huerfana = Asignacion(gestor="nadie", nit="900123456")
    con_asignacion = via.informe(datos([ANA], [huerfana]), Periodo(2012, 3))
    assert [(e.registro, e.motivo) for e in con_asignacion.excluidos] == [
        (huerfana, Motivo.GESTOR_DESCONOCIDO)
    ]
    assert con_asignacion.resumen_excluidos() == {Motivo.GESTOR_DESCONOCIDO: 1}
    resumen = inf.resumen_excluidos()
    assert resumen == {
        Motivo.GESTOR_DESCONOCIDO: 1,
        Motivo.POSTERIOR_AL_CORTE: 1,
        Motivo.FUERA_DE_VIGENCIA: 1,
    }
    assert sum(resumen.values()) == len(inf.excluidos)
    assert via.informe_de([ANA]).resumen_excluidos() == {}
    assert via.informe_de([ANA]).excluidos == ()


def test_r22_el_tablero_de_un_gestor_lleva_su_nombre_o_su_id() -> None:
    con_nombre = Gestor(id="hui-01", rol="Empresarial", regional="Huila", nombre="Ana Pérez")
    inf = informe(datos([con_nombre, LUIS]), Periodo(2012, 3))
    assert inf.gestor("hui-01").nombre == "Ana Pérez"
    assert inf.gestor("luis").nombre == "luis"


def test_r23_registros_cuenta_los_registros_de_entrada() -> None:
    huerfana = Asignacion(gestor="nadie", nit="900123456")
    entrada = datos([ANA, LUIS], [*asignar("ana", nits(1)), huerfana])
    assert informe(entrada, Periodo(2012, 3)).registros == 4


def test_r23_repr_del_informe_cuenta_regionales_con_datos_y_cada_motivo() -> None:
    huerfana = Asignacion(gestor="nadie", nit="900123456")
    tarde = Contacto(
        gestor="ana", nit=nits(1)[0], fecha=date(2012, 3, 28), tipo="nuevo", medio="visita"
    )
    inf = informe(
        datos([ANA], [*asignar("ana", nits(1)), huerfana], contactos=[tarde]), Periodo(2012, 3)
    )
    # Huila tiene datos: EC cuenta 0 de 1 (un denominador sin numerador basta).
    assert repr(inf) == (
        "<Informe 2012-03 (2012-02-26 a 2012-03-25): 33 regionales (1 con datos), 1 gestores, "
        "2 roles; 4 registros, 2 excluidos; gestor desconocido: 1; "
        "posterior al corte del periodo: 1>"
    )


def test_r23_la_igualdad_y_el_hash_del_informe_miran_sus_excluidos() -> None:
    huerfana = Asignacion(gestor="nadie", nit="900123456")
    inf, igual = (informe(datos([ANA], [huerfana]), Periodo(2012, 3)) for _ in range(2))
    sin_excluidos = attrs.evolve(inf, exclusiones=())
    assert inf == igual
    assert hash(inf) == hash(igual)
    assert inf != sin_excluidos
    assert hash(inf) != hash(sin_excluidos)


def test_r23_resumen_suma_un_motivo_que_llega_en_dos_grupos() -> None:
    inf = informe(datos([ANA]), Periodo(2012, 3))
    uno, otro = (Asignacion(gestor=g, nit="900123456") for g in ("nadie", "otro"))
    grupos = [(Motivo.GESTOR_DESCONOCIDO, [uno]), (Motivo.GESTOR_DESCONOCIDO, [otro])]
    assert attrs.evolve(inf, exclusiones=grupos).resumen_excluidos() == {
        Motivo.GESTOR_DESCONOCIDO: 2
    }


def test_r23_exclusiones_que_no_son_pares_nombran_el_campo_y_el_valor() -> None:
    inf = informe(datos([ANA]), Periodo(2012, 3))
    malo: Any = [1]
    with pytest.raises(DatoInvalido) as error:
        attrs.evolve(inf, exclusiones=malo)
    assert str(error.value) == (
        "exclusiones: se esperaba una colección de pares (motivo, registros) (se recibió [1])"
    )
    assert (error.value.campo, error.value.valor) == ("exclusiones", [1])


def test_r22_cada_tablero_dice_su_rol_y_su_regional(via: Via) -> None:
    """El tablero de un gestor lleva su rol y su regional; el de una regional, la regional; el
    de un rol, el rol; el nacional, ninguno."""
    inf = via.informe_de([gestor("ana", "Empresarial", "Huila")])
    ana = inf.gestor("ana")
    assert (ana.rol, ana.regional) == (Rol.EMPRESARIAL, regional("Huila"))
    huila = inf.regional("41")
    assert (huila.rol, huila.regional) == (None, regional("Huila"))
    estrategico = inf.rol(Rol.ESTRATEGICO)
    assert (estrategico.rol, estrategico.regional) == (Rol.ESTRATEGICO, None)
    assert (inf.nacional.rol, inf.nacional.regional) == (None, None)
