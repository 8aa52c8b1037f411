//! Starts wgpu for Bevy on Linux, with the window system's display.
//!
//! Bevy 0.19 creates the wgpu instance without a display, and wgpu's OpenGL backend
//! (EGL) then opens a "surfaceless" display: it finds the card, but nothing it draws can
//! reach a window (Bevy panics when the window appears: "failed to choose present
//! mode"). Upstream fixes it by passing the display (bevyengine/bevy#25647). Until then
//! this plugin takes the place of Bevy's own start of the renderer when OpenGL is among
//! the backends: it creates the instance with winit's display (X11 or Wayland), asks for
//! the best card of every backend offered (as Bevy does: a real GPU before a software
//! one, Vulkan before OpenGL for the same card), opens it with everything it supports,
//! and hands the result to Bevy's `RenderPlugin`.

use std::sync::Arc;

use bevy::prelude::*;
use bevy::render::RenderPlugin;
use bevy::render::renderer::{
    RenderAdapter, RenderAdapterInfo, RenderDevice, RenderInstance, RenderQueue, WgpuWrapper,
};
use bevy::render::settings::{Backends, RenderCreation, RenderResources, WgpuSettings};
use bevy::winit::DisplayHandleWrapper;
use wgpu::wgt::WgpuHasDisplayHandle;

/// Whether this platform needs it: the backends include OpenGL, which uses EGL here.
pub(super) fn needed(backends: Backends) -> bool {
    cfg!(all(
        unix,
        not(any(
            target_os = "macos",
            target_os = "ios",
            target_os = "android"
        ))
    )) && backends.contains(Backends::GL)
}

/// Bevy's `RenderPlugin`, on a wgpu instance that knows the display.
pub(super) struct RendererWithDisplay {
    pub backends: Backends,
}

impl Plugin for RendererWithDisplay {
    fn build(&self, app: &mut App) {
        let display = app
            .world()
            .get_resource::<DisplayHandleWrapper>()
            .map(|wrapper| Box::new(wrapper.0.clone()) as Box<dyn WgpuHasDisplayHandle>);
        if self.backends != Backends::GL {
            // Tests only: a card that is found but cannot be opened.
            crate::crash::test_panic_point("renderer");
        }
        let resources = match bevy::tasks::block_on(start(self.backends, display)) {
            Ok(resources) => resources,
            // Caught by `graphics::add_default_plugins`, as Bevy's own failure would be.
            Err(reason) => panic!("{reason}"),
        };
        app.add_plugins(RenderPlugin {
            render_creation: RenderCreation::Manual(resources),
            ..default()
        });
    }
}

/// The device and queue of the best card, as Bevy's `initialize_renderer` would open it
/// (with `WgpuSettings::default()`, which reads wgpu's usual environment variables).
async fn start(
    backends: Backends,
    display: Option<Box<dyn WgpuHasDisplayHandle>>,
) -> Result<RenderResources, String> {
    let settings = WgpuSettings::default();
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends,
        flags: settings.instance_flags,
        memory_budget_thresholds: settings.instance_memory_budget_thresholds,
        backend_options: wgpu::BackendOptions {
            gl: wgpu::GlBackendOptions {
                gles_minor_version: settings.gles3_minor_version,
                ..default()
            },
            ..default()
        },
        display,
    });
    let adapter = instance
        .request_adapter(&wgpu::RequestAdapterOptions {
            power_preference: settings.power_preference,
            compatible_surface: None,
            force_fallback_adapter: false,
        })
        .await
        .map_err(|e| format!("{}! {e}", super::graphics::NO_ADAPTER))?;
    let info = adapter.get_info();
    info!("{info:?}");
    let mut features = adapter.features();
    if info.device_type == wgpu::DeviceType::DiscreteGpu {
        // As Bevy: slow across the PCI-E bus.
        features.remove(wgpu::Features::MAPPABLE_PRIMARY_BUFFERS);
    }
    features.remove(wgpu::Features::all_experimental_mask());
    features |= settings.features;
    let (device, queue) = adapter
        .request_device(&wgpu::DeviceDescriptor {
            label: settings.device_label.as_deref(),
            required_features: features,
            required_limits: adapter.limits(),
            experimental_features: wgpu::ExperimentalFeatures::disabled(),
            memory_hints: settings.memory_hints.clone(),
            trace: wgpu::Trace::Off,
        })
        .await
        .map_err(|e| format!("{} ({:?}): {e}", info.name, info.backend))?;
    Ok(RenderResources(
        RenderDevice::from(device),
        RenderQueue(Arc::new(WgpuWrapper::new(queue))),
        RenderAdapterInfo(WgpuWrapper::new(info)),
        RenderAdapter(Arc::new(WgpuWrapper::new(adapter))),
        RenderInstance(Arc::new(WgpuWrapper::new(instance))),
    ))
}
