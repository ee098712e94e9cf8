"""Pruebas del acceso a la carpeta compartida de seguimiento (R26).

Cada combinación de rol × acción × regional propia, ajena o ausente × formato propio, ajeno o
sin nombrar se compara con `esperado`, escrita a partir del texto de R26 y no de la tabla de la
implementación.
"""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sena_relacionamiento.acceso import (
    POLITICA_ACCESO,
    Accion,
    CarpetaCompartida,
    Permiso,
    RolUsuario,
    Usuario,
    exigir,
    puede,
)
from sena_relacionamiento.enumeraciones import Rol
from sena_relacionamiento.errores import AccesoDenegado, DatoInvalido, RegistroInconsistente
from sena_relacionamiento.regionales import REGIONALES, Regional, regional
from sena_relacionamiento.registros import Gestor

PROPIA = regional("Huila")
AJENA = regional("Meta")


def esperado(rol: str, accion: str, regional_propia: bool, formato_propio: bool) -> bool:
    """R26 leída al pie de la letra, con nombres de texto para no depender de la tabla.

    - Un gestor solo registra su propio formato mensual (en su regional).
    - Solo el coordinador de una regional consolida y sube el informe de esa regional y lo
      consulta, con el detalle por gestor; no consulta otras regionales ni el nacional.
    - La Dirección General y la propietaria consultan toda regional, su detalle por gestor y
      el nacional, y no diligencian nada.
    - Todo lo demás se niega.
    """
    if rol == "GESTOR":
        return accion == "REGISTRAR_FORMATO" and regional_propia and formato_propio
    if rol == "COORDINADOR":
        return (
            accion in ("CONSOLIDAR_REGIONAL", "CONSULTAR_REGIONAL", "CONSULTAR_DETALLE_GESTORES")
            and regional_propia
        )
    if rol in ("DIRECCION_GENERAL", "PROPIETARIA_CARPETA"):
        return accion in ("CONSULTAR_REGIONAL", "CONSULTAR_DETALLE_GESTORES", "CONSULTAR_NACIONAL")
    return False


ROLES = ["GESTOR", "COORDINADOR", "DIRECCION_GENERAL", "PROPIETARIA_CARPETA"]
ACCIONES = [
    "REGISTRAR_FORMATO",
    "CONSOLIDAR_REGIONAL",
    "CONSULTAR_REGIONAL",
    "CONSULTAR_DETALLE_GESTORES",
    "CONSULTAR_NACIONAL",
]
REGIONAL_PEDIDA = ["propia", "ajena", "ninguna"]
GESTOR_PEDIDO = ["sin nombrar", "propio", "ajeno", "propio como Gestor"]


def _usuario(rol: str) -> Usuario:
    if rol in ("GESTOR", "COORDINADOR"):
        return Usuario(id=f"{rol.lower()}-41", rol=rol, regional=PROPIA)
    return Usuario(id=rol.lower(), rol=rol)


def _argumentos(usuario: Usuario, regional_: str, gestor: str) -> tuple[object, object]:
    destino = {"propia": PROPIA, "ajena": AJENA, "ninguna": None}[regional_]
    nombrado = {
        "sin nombrar": None,
        "propio": usuario.id,
        "ajeno": "alguien-mas",
        "propio como Gestor": Gestor(id=usuario.id, rol=Rol.EMPRESARIAL, regional=PROPIA),
    }[gestor]
    return destino, nombrado


def _carpeta(*extra: Usuario) -> CarpetaCompartida:
    coordinadores = [
        _usuario("COORDINADOR") if r == PROPIA else Usuario(f"coord-{r.codigo}", "coordinador", r)
        for r in REGIONALES
    ]
    return CarpetaCompartida(_usuario("PROPIETARIA_CARPETA"), [*coordinadores, *extra])


CARPETA = _carpeta()


def test_r26_la_funcion_esperado_no_es_trivial() -> None:
    resultados = [
        esperado(r, a, p, f)
        for r, a, p, f in itertools.product(ROLES, ACCIONES, [True, False], [True, False])
    ]
    assert True in resultados
    assert False in resultados
    assert sum(resultados) == 1 + 3 * 2 + 2 * 3 * 4


@pytest.mark.parametrize(
    ("rol", "accion", "regional_", "gestor"),
    list(itertools.product(ROLES, ACCIONES, REGIONAL_PEDIDA, GESTOR_PEDIDO)),
)
def test_r26_cada_combinacion_contra_el_texto_de_la_regla(
    rol: str, accion: str, regional_: str, gestor: str
) -> None:
    usuario = _usuario(rol)
    destino, nombrado = _argumentos(usuario, regional_, gestor)
    comprobaciones = (
        (puede, exigir),
        (CARPETA.puede, CARPETA.exigir),
    )
    for pregunta, exigencia in comprobaciones:
        if regional_ == "ninguna" and accion != "CONSULTAR_NACIONAL":
            with pytest.raises(DatoInvalido, match="regional"):
                pregunta(usuario, accion, destino, nombrado)  # type: ignore[arg-type]
            with pytest.raises(DatoInvalido, match="regional"):
                exigencia(usuario, accion, destino, nombrado)  # type: ignore[arg-type]
            continue
        permitido = esperado(rol, accion, regional_ == "propia", gestor != "ajeno")
        # Issue 12: un `Gestor` de otra regional que la pedida se niega siempre.
        if gestor == "propio como Gestor" and regional_ == "ajena":
            permitido = permitido and accion not in (
                "REGISTRAR_FORMATO",
                "CONSULTAR_DETALLE_GESTORES",
            )
        assert pregunta(usuario, accion, destino, nombrado) is permitido  # type: ignore[arg-type]
        if permitido:
            exigencia(usuario, accion, destino, nombrado)  # type: ignore[arg-type]
        else:
            with pytest.raises(AccesoDenegado, match=r"\(R26\)$") as error:
                exigencia(usuario, accion, destino, nombrado)  # type: ignore[arg-type]
            mensaje = str(error.value)
            assert repr(usuario.id) in mensaje
            if destino is not None and accion != "CONSULTAR_NACIONAL":
                assert f"regional {destino}" in mensaje


def test_r26_la_tabla_cubre_todas_las_combinaciones() -> None:
    assert set(POLITICA_ACCESO) == set(itertools.product(RolUsuario, Accion))
    assert len(POLITICA_ACCESO) == 20
    assert set(POLITICA_ACCESO.values()) == set(Permiso)


def test_r26_acciones_regionales() -> None:
    assert [a.name for a in Accion if not a.es_regional] == ["CONSULTAR_NACIONAL"]


def test_r26_mensajes_dicen_quien_que_donde_y_por_que() -> None:
    gestor = _usuario("GESTOR")
    with pytest.raises(AccesoDenegado) as ajeno:
        exigir(gestor, Accion.REGISTRAR_FORMATO, "Huila", gestor="g-2")
    assert str(ajeno.value) == (
        "el usuario 'gestor-41' (Gestor de la regional Huila) no puede registrar el formato "
        "mensual del gestor 'g-2' en la regional Huila: solo puede registrar su propio formato "
        "mensual (R26)"
    )
    with pytest.raises(AccesoDenegado) as otra:
        exigir(gestor, "registrar formato", "Meta")
    assert str(otra.value) == (
        "el usuario 'gestor-41' (Gestor de la regional Huila) no puede registrar su propio "
        "formato mensual en la regional Meta: solo puede hacerlo en su propia regional, Huila "
        "(R26)"
    )
    with pytest.raises(AccesoDenegado) as dg:
        exigir(_usuario("DIRECCION_GENERAL"), Accion.CONSOLIDAR_REGIONAL, "Meta")
    assert str(dg.value) == (
        "el usuario 'direccion_general' (Dirección General) no puede consolidar y subir el "
        "informe de la regional Meta: el rol Dirección General nunca tiene permitida esa acción "
        "(R26)"
    )


@given(st.sampled_from(REGIONALES), st.sampled_from(REGIONALES))
def test_r26_un_coordinador_solo_consulta_su_regional(propia: Regional, pedida: Regional) -> None:
    coordinador = Usuario(id="c", rol=RolUsuario.COORDINADOR, regional=propia)
    for accion in (
        Accion.CONSOLIDAR_REGIONAL,
        Accion.CONSULTAR_REGIONAL,
        Accion.CONSULTAR_DETALLE_GESTORES,
    ):
        assert puede(coordinador, accion, pedida.nombre) is (propia == pedida)
    assert not puede(coordinador, Accion.CONSULTAR_NACIONAL)
    assert not puede(coordinador, Accion.CONSULTAR_NACIONAL, propia)


@given(st.sampled_from(REGIONALES))
def test_r26_la_direccion_general_lee_toda_regional_y_no_diligencia(pedida: Regional) -> None:
    for rol in (RolUsuario.DIRECCION_GENERAL, RolUsuario.PROPIETARIA_CARPETA):
        usuario = Usuario(id="x", rol=rol)
        assert puede(usuario, Accion.CONSULTAR_REGIONAL, pedida.codigo)
        assert puede(usuario, Accion.CONSULTAR_DETALLE_GESTORES, int(pedida.codigo))
        assert not puede(usuario, Accion.CONSOLIDAR_REGIONAL, pedida)
        assert not puede(usuario, Accion.REGISTRAR_FORMATO, pedida)


# --- Usuario ---


@pytest.mark.parametrize("rol", [RolUsuario.GESTOR, RolUsuario.COORDINADOR])
def test_r26_gestor_o_coordinador_sin_regional_se_rechaza(rol: RolUsuario) -> None:
    with pytest.raises(DatoInvalido, match="debe nombrar su regional") as error:
        Usuario(id="u", rol=rol)
    assert error.value.campo == "regional"


@pytest.mark.parametrize("rol", [RolUsuario.DIRECCION_GENERAL, RolUsuario.PROPIETARIA_CARPETA])
def test_r26_direccion_general_o_propietaria_con_regional_se_rechaza(rol: RolUsuario) -> None:
    with pytest.raises(DatoInvalido, match="no tiene regional") as error:
        Usuario(id="u", rol=rol, regional="Huila")
    assert error.value.campo == "regional"
    assert error.value.valor == "Huila"


def test_r26_usuario_normaliza_su_regional_y_su_rol() -> None:
    usuario = Usuario(id=" c-11 ", rol="coordinador", regional="bogota d.c.")
    assert usuario == Usuario("c-11", RolUsuario.COORDINADOR, regional("11"))
    assert usuario.regional is not None
    assert usuario.regional.nombre == "Distrito Capital"
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        usuario.id = "otro"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"id": ""}, "id"),
        ({"id": 3}, "id"),
        ({"rol": "director"}, "rol"),
        ({"regional": "Atlantida"}, "regional"),
        ({"regional": 4.5}, "regional"),
    ],
)
def test_r26_usuario_rechaza_valores_malos(argumentos: dict[str, object], campo: str) -> None:
    base: dict[str, object] = {"id": "u", "rol": RolUsuario.GESTOR, "regional": "Huila"}
    with pytest.raises(DatoInvalido) as error:
        Usuario(**(base | argumentos))
    assert error.value.campo == campo


@pytest.mark.parametrize(
    ("argumentos", "campo"),
    [
        ({"usuario": "gestor-41"}, "usuario"),
        ({"accion": "borrar todo"}, "accion"),
        ({"regional": "Atlantida"}, "regional"),
        ({"regional": []}, "regional"),
        ({"gestor": ""}, "gestor"),
        ({"gestor": 12}, "gestor"),
    ],
)
def test_r26_puede_y_exigir_rechazan_valores_malos(
    argumentos: dict[str, object], campo: str
) -> None:
    base: dict[str, object] = {
        "usuario": _usuario("GESTOR"),
        "accion": Accion.REGISTRAR_FORMATO,
        "regional": "Huila",
        "gestor": None,
    }
    for funcion in (puede, exigir, CARPETA.puede, CARPETA.exigir):
        with pytest.raises(DatoInvalido) as error:
            funcion(**(base | argumentos))  # type: ignore[arg-type]
        assert error.value.campo == campo


def test_r26_accion_regional_sin_regional_es_dato_invalido() -> None:
    for funcion in (puede, exigir):
        with pytest.raises(DatoInvalido, match="CONSULTAR_REGIONAL es sobre una regional"):
            funcion(_usuario("DIRECCION_GENERAL"), Accion.CONSULTAR_REGIONAL)
    # La consulta nacional no pide regional.
    assert puede(_usuario("DIRECCION_GENERAL"), "consultar nacional")


# --- Carpeta compartida ---


def test_r26_carpeta_con_un_coordinador_por_regional() -> None:
    assert len(CARPETA.coordinadores) == 33
    assert {c.regional for c in CARPETA.coordinadores} == set(REGIONALES)
    assert CARPETA.coordinador("Huila") == _usuario("COORDINADOR")
    assert CARPETA.coordinador(5).id == "coord-05"
    with pytest.raises(DatoInvalido):
        CARPETA.coordinador("Atlantida")


def test_r26_carpeta_sin_coordinador_en_una_regional() -> None:
    coordinadores = [c for c in CARPETA.coordinadores if c.regional not in (PROPIA, AJENA)]
    with pytest.raises(RegistroInconsistente, match=r"regionales sin coordinador: Huila, Meta$"):
        CarpetaCompartida(CARPETA.propietaria, coordinadores)


def test_r26_carpeta_con_dos_coordinadores_en_una_regional() -> None:
    segundo = Usuario("c-huila-bis", "coordinador", "Huila")
    with pytest.raises(RegistroInconsistente, match="Huila tiene 2 coordinadores") as error:
        _carpeta(segundo)
    assert "'coordinador-41', 'c-huila-bis'" in str(error.value)
    assert error.value.registros == (_usuario("COORDINADOR"), segundo)


def test_r26_carpeta_con_faltantes_y_repetidos_los_nombra_todos() -> None:
    coordinadores = [c for c in CARPETA.coordinadores if c.regional != AJENA]
    coordinadores.append(Usuario("c-huila-bis", "coordinador", "Huila"))
    with pytest.raises(RegistroInconsistente) as error:
        CarpetaCompartida(CARPETA.propietaria, coordinadores)
    mensaje = str(error.value)
    assert "regionales sin coordinador: Meta" in mensaje
    assert "la regional Huila tiene 2 coordinadores" in mensaje


def test_r26_carpeta_con_un_id_repetido() -> None:
    coordinadores = [
        Usuario("propietaria_carpeta", "coordinador", c.regional) if c.regional == AJENA else c
        for c in CARPETA.coordinadores
    ]
    with pytest.raises(RegistroInconsistente, match="'propietaria_carpeta' lo tienen dos") as error:
        CarpetaCompartida(CARPETA.propietaria, coordinadores)
    assert error.value.registros[0] == CARPETA.propietaria


@pytest.mark.parametrize(
    ("propietaria", "coordinadores", "campo"),
    [
        (_usuario("DIRECCION_GENERAL"), CARPETA.coordinadores, "propietaria"),
        ("propietaria", CARPETA.coordinadores, "propietaria"),
        (
            CARPETA.propietaria,
            [*CARPETA.coordinadores[:-1], _usuario("GESTOR")],
            "coordinadores[32]",
        ),
        (CARPETA.propietaria, ["coordinador"], "coordinadores[0]"),
        (CARPETA.propietaria, "coordinadores", "coordinadores"),
        (CARPETA.propietaria, None, "coordinadores"),
    ],
)
def test_r26_carpeta_rechaza_valores_malos(
    propietaria: object, coordinadores: object, campo: str
) -> None:
    with pytest.raises(DatoInvalido) as error:
        CarpetaCompartida(propietaria, coordinadores)  # type: ignore[arg-type]
    assert error.value.campo == campo


def test_r26_la_carpeta_niega_a_coordinadores_y_propietarias_ajenos() -> None:
    intruso = Usuario("intruso", RolUsuario.COORDINADOR, "Huila")
    assert puede(intruso, Accion.CONSULTAR_REGIONAL, "Huila")  # la política sola lo permite
    assert not CARPETA.puede(intruso, Accion.CONSULTAR_REGIONAL, "Huila")
    with pytest.raises(AccesoDenegado, match="no es el coordinador de su regional registrado"):
        CARPETA.exigir(intruso, Accion.CONSULTAR_REGIONAL, "Huila")
    # El coordinador de otra regional, con su propio id, tampoco es el de Huila.
    disfrazado = Usuario("coord-50", RolUsuario.COORDINADOR, "Huila")
    assert not CARPETA.puede(disfrazado, Accion.CONSOLIDAR_REGIONAL, "Huila")

    otra_propietaria = Usuario("otra", RolUsuario.PROPIETARIA_CARPETA)
    assert puede(otra_propietaria, Accion.CONSULTAR_NACIONAL)
    assert not CARPETA.puede(otra_propietaria, Accion.CONSULTAR_NACIONAL)
    with pytest.raises(AccesoDenegado, match="no es la propietaria registrada"):
        CARPETA.exigir(otra_propietaria, Accion.CONSULTAR_NACIONAL)


def test_r26_la_carpeta_aplica_la_politica_a_gestores_y_direccion_general() -> None:
    assert CARPETA.puede(Usuario("g-x", "gestor", "Meta"), Accion.REGISTRAR_FORMATO, "Meta")
    assert CARPETA.puede(Usuario("dg-x", "direccion general"), Accion.CONSULTAR_NACIONAL)
    assert not CARPETA.puede(_usuario("COORDINADOR"), Accion.CONSULTAR_NACIONAL)
    with pytest.raises(AccesoDenegado, match="nunca tiene permitida"):
        CARPETA.exigir(_usuario("COORDINADOR"), Accion.CONSULTAR_NACIONAL)
