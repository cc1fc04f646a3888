# Shared by vm-images/*/Vagrantfile: the checkout rsynced into the guest, then (as root) the OS's provision.sh
# and vm-images/guest.sh, which builds unix-cred and runs conformance/; `vagrant up` fails when the suite does.
module UnixCredVM
  EXCLUDE = %w[node_modules/ build/ dist/ .turbo/ vm-images/linux/.cache/].freeze

  def self.configure(os:, box:)
    Vagrant.configure('2') do |config|
      config.vm.box = ENV.fetch('UNIX_CRED_BOX', box)
      config.vm.boot_timeout = 900
      config.vm.synced_folder File.expand_path('..', __dir__), '/unix-cred', type: 'rsync', rsync__exclude: EXCLUDE
      config.vm.provider('virtualbox') { |vb| vb.memory = 4096; vb.cpus = 2 }
      config.vm.provider('libvirt') { |lv| lv.memory = 4096; lv.cpus = 2 }
      config.vm.provision 'shell', inline: "sh /unix-cred/vm-images/#{os}/provision.sh && sh /unix-cred/vm-images/guest.sh"
    end
  end
end
